package io.netfilterflow.system;

import io.netfilterflow.live.JoinCode;
import io.netfilterflow.live.LiveSessions;
import io.netfilterflow.preset.Preset;
import io.netfilterflow.preset.PresetCatalog;
import io.netfilterflow.share.ShareId;
import io.netfilterflow.share.ShareStore;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app's one page, at {@code /}, at a stored share link {@code /s/{id}} and at a live session's link
 * {@code /live/{code}}; a link whose id or code is malformed, unknown or ended gets a page that says so (404),
 * not an error. The front end's strings ({@code js.*} in {@code messages.properties}) go to it as
 * JSON in a meta element, resolved for the request's locale, so the UI translates with the bundle.
 */
@Controller
class WelcomeController {

    private final MessageSource messages;
    private final JsonMapper json;
    private final ShareStore shares;
    private final PresetCatalog presets;
    private final LiveSessions live;

    WelcomeController(MessageSource messages, JsonMapper json, ShareStore shares, PresetCatalog presets,
                      LiveSessions live) {
        this.messages = messages;
        this.json = json;
        this.shares = shares;
        this.presets = presets;
        this.live = live;
    }

    /**
     * The page; the title of the preset it opens is in it from the start (the page's largest text, painted before
     * any script runs), the preset asked for or else the menu's first.
     */
    @GetMapping("/")
    String welcome(@RequestParam(name = "preset", required = false) String preset, Model model, Locale locale) {
        List<Preset> menu = presets.list(locale);
        menu.stream().filter(p -> p.id().equals(preset)).findFirst().or(() -> menu.stream().findFirst())
                .ifPresent(opened -> model.addAttribute("presetTitle", opened.title()));
        return page(model, locale);
    }

    private String page(Model model, Locale locale) {
        model.addAttribute("uiMessages", json.writeValueAsString(scriptMessages(locale)));
        return "index";
    }

    /** The page, told to open the stored scenario (the page fetches it from {@code /api/shares/{id}}). */
    @GetMapping("/s/{id}")
    String shared(@PathVariable String id, Model model, Locale locale, HttpServletResponse response) {
        if (ShareId.parse(id).flatMap(shares::find).isEmpty()) {
            response.setHeader("Cache-Control", "private, no-store");
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("what", "share");
            return "missing";
        }
        // the page names a stored scenario: no shared cache may keep it
        response.setHeader("Cache-Control", "private, no-store");
        model.addAttribute("shareId", id);
        return page(model, locale);
    }

    /** The page, told to follow the live session (a code typed in either case is the same code). */
    @GetMapping("/live/{code}")
    String live(@PathVariable String code, Model model, Locale locale, HttpServletResponse response) {
        response.setHeader("Cache-Control", "private, no-store");
        var join = JoinCode.parse(code).filter(live::open);
        if (join.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("what", "live");
            return "missing";
        }
        model.addAttribute("liveCode", join.get().value());
        return page(model, locale);
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
