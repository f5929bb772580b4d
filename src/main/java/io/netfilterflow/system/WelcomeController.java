package io.netfilterflow.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page. */
@Controller
class WelcomeController {

    @GetMapping("/")
    String welcome() {
        return "index";
    }
}
