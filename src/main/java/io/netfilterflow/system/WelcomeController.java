package io.netfilterflow.system;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app's one page. The front end's strings ({@code js.*} in {@code messages.properties}) go to it as
 * JSON in a meta element, resolved for the request's locale, so the UI translates with the bundle.
 */
@Controller
class WelcomeController {

    private final MessageSource messages;
    private final JsonMapper json;

    WelcomeController(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/")
    String welcome(Model model, Locale locale) {
        model.addAttribute("uiMessages", json.writeValueAsString(scriptMessages(locale)));
        return "index";
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
