package io.netfilterflow.system;

import io.netfilterflow.share.ShareId;
import io.netfilterflow.share.ShareStore;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app's one page, at {@code /} and at a stored share link {@code /s/{id}}; a link whose id is
 * malformed or unknown gets a page that says so (404), not an error. The front end's strings ({@code js.*} in {@code messages.properties}) go to it as
 * JSON in a meta element, resolved for the request's locale, so the UI translates with the bundle.
 */
@Controller
class WelcomeController {

    private final MessageSource messages;
    private final JsonMapper json;
    private final ShareStore shares;

    WelcomeController(MessageSource messages, JsonMapper json, ShareStore shares) {
        this.messages = messages;
        this.json = json;
        this.shares = shares;
    }

    @GetMapping("/")
    String welcome(Model model, Locale locale) {
        model.addAttribute("uiMessages", json.writeValueAsString(scriptMessages(locale)));
        return "index";
    }

    /** The page, told to open the stored scenario (the page fetches it from {@code /api/shares/{id}}). */
    @GetMapping("/s/{id}")
    String shared(@PathVariable String id, Model model, Locale locale, HttpServletResponse response) {
        if (ShareId.parse(id).flatMap(shares::find).isEmpty()) {
            response.setHeader("Cache-Control", "private, no-store");
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "share-missing";
        }
        // the page names a stored scenario: no shared cache may keep it
        response.setHeader("Cache-Control", "private, no-store");
        model.addAttribute("shareId", id);
        return welcome(model, locale);
    }

    private Map<String, String> scriptMessages(Locale locale) {
        Map<String, String> resolved = new TreeMap<>();
        for (String key : ResourceBundle.getBundle("messages", locale).keySet()) {
            if (key.startsWith("js.")) {
                resolved.put(key.substring(3), messages.getMessage(key, null, locale));
            }
        }
        return resolved;
    }
}
