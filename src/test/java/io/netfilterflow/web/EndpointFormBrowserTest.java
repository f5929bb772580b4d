package io.netfilterflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.netfilterflow.support.Browser;
import io.netfilterflow.support.BrowserPages;
import io.netfilterflow.support.FlowPage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The editor's interfaces and machines are rows of fields, in step with their JSON behind a toggle: a machine
 * added in the rows is one the packet builder can send from, without a line of JSON typed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EndpointFormBrowserTest extends BrowserPages {

    private static final String INTERFACES = "#editor-form [data-rows=interfaces] ";
    private static final String ENDPOINTS = "#editor-form [data-rows=endpoints] ";

    private static JsonNode json(Page page, String name) {
        return FlowPage.json(page.inputValue("#editor-form textarea[name=" + name + "]"));
    }

    private static Locator cell(Page page, String rows, int row, String key) {
        return page.locator(rows + ".row").nth(row).locator("[data-key=" + key + "]");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> names(Page page, String rows) {
        return (List<Object>) page.locator(rows + "[data-key=name]").evaluateAll("els => els.map(e => e.value)");
    }

    @Test
    void theRowsShowTheScenariosInterfacesAndMachines() {
        Page page = open("/?preset=docker-wan-published");
        page.click("#edit");
        JsonNode interfaces = json(page, "interfaces");
        JsonNode endpoints = json(page, "endpoints");
        assertThat(page.locator(INTERFACES + ".row").count()).isEqualTo(interfaces.size());
        assertThat(page.locator(ENDPOINTS + ".row").count()).isEqualTo(endpoints.size());
        for (int i = 0; i < endpoints.size(); i++) {
            JsonNode endpoint = endpoints.get(i);
            assertThat(cell(page, ENDPOINTS, i, "name").inputValue()).isEqualTo(endpoint.get("name").asString());
            assertThat(cell(page, ENDPOINTS, i, "attach").inputValue()).isEqualTo(endpoint.get("attach").asString());
            assertThat(cell(page, ENDPOINTS, i, "ip").inputValue()).isEqualTo(endpoint.get("ip").asString());
        }
        int veth = names(page, INTERFACES).indexOf("veth_c1");
        assertThat(cell(page, INTERFACES, veth, "master").inputValue()).isEqualTo("docker0");
        assertThat(page.isVisible("#editor-form textarea[name=endpoints]")).as("JSON behind its toggle").isFalse();
        Browser.screenshot(page, "editor-rows");
    }

    @Test
    void aMachineAddedInTheRowsIsOneTheBuilderSendsFrom() {
        Page page = open("/?preset=home-router-port-forward");
        page.click("#edit");
        int before = json(page, "endpoints").size();
        page.click(ENDPOINTS + ".add-row");
        int row = before;
        cell(page, ENDPOINTS, row, "name").fill("printer");
        cell(page, ENDPOINTS, row, "attach").selectOption("lan0");
        cell(page, ENDPOINTS, row, "ip").fill("192.168.0.30/24");
        cell(page, ENDPOINTS, row, "gateway").fill("192.168.0.1");
        cell(page, ENDPOINTS, row, "listen").fill("tcp/631 udp/161");

        String mac = cell(page, ENDPOINTS, row, "mac").inputValue();
        assertThat(mac).as("a new machine's MAC, made up").matches("02(:[0-9a-f]{2}){5}");
        assertThat(json(page, "endpoints").findValuesAsString("mac")).containsOnlyOnce(mac);
        JsonNode added = json(page, "endpoints").get(row);
        assertThat(added.toString()).isEqualTo("{\"name\":\"printer\",\"mac\":\"" + mac + "\",\"attach\":\"lan0\","
                + "\"ip\":\"192.168.0.30/24\",\"gateway\":\"192.168.0.1\",\"listen\":[\"tcp/631\",\"udp/161\"]}");

        // a refusal that names a row's field marks it in the row
        cell(page, ENDPOINTS, row, "mac").fill("");
        page.click("#editor-form button[type=submit]");
        page.waitForSelector("body[data-state=refused]");
        assertThat(cell(page, ENDPOINTS, row, "mac").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.textContent(ENDPOINTS + ".problem[data-row='" + row + "']")).startsWith("MAC: ");
        errors.removeIf(error -> error.contains("400"));
        cell(page, ENDPOINTS, row, "mac").fill(mac);

        page.click("#add-packet");
        page.selectOption("#builder-form select[name=from]", "printer");
        assertThat(page.textContent("#builder-destination")).contains("192.168.0.1").contains("lan0");
        page.click("#builder-run");
        FlowPage.finished(page);
        page.keyboard().press("End");
        assertThat(page.getAttribute("#verdicts .banner[data-flow='1']", "class")).contains("delivered");
        assertThat(page.textContent("#verdicts .banner[data-flow='1']")).contains("192.168.0.30");
    }

    @Test
    void rowsAndJsonStayInStep() {
        Page page = open("/?preset=home-router-port-forward");
        page.click("#edit");
        int interfaces = json(page, "interfaces").size();
        int endpoints = json(page, "endpoints").size();

        // a row removed leaves the JSON
        page.locator(ENDPOINTS + ".row").nth(0).locator(".remove-row").click();
        assertThat(json(page, "endpoints")).hasSize(endpoints - 1);
        // a bridge added in the rows is a master an interface can choose, and a port a machine can be cabled to
        page.click(INTERFACES + ".add-row");
        cell(page, INTERFACES, interfaces, "name").fill("br0");
        cell(page, INTERFACES, interfaces, "kind").selectOption("bridge");
        page.click(INTERFACES + ".add-row");
        cell(page, INTERFACES, interfaces + 1, "name").fill("tap0");
        cell(page, INTERFACES, interfaces + 1, "master").selectOption("br0");
        assertThat(json(page, "interfaces").get(interfaces + 1).get("master").asString()).isEqualTo("br0");
        assertThat(cell(page, ENDPOINTS, 0, "attach").locator("option[value=tap0]").count()).isEqualTo(1);
        assertThat(cell(page, ENDPOINTS, 0, "attach").locator("option[value=br0]").count())
                .as("a bridge is not where a machine is cabled").isZero();

        // the JSON typed by a power user redraws the rows
        page.click(ENDPOINTS + "details.json > summary");
        String edited = page.inputValue("#editor-form textarea[name=endpoints]").replace("\"laptop\"", "\"desk\"");
        page.fill("#editor-form textarea[name=endpoints]", edited);
        assertThat(names(page, ENDPOINTS)).contains("desk").doesNotContain("laptop");
        page.fill("#editor-form textarea[name=endpoints]", "[{\"name\": ");
        assertThat(page.isVisible(ENDPOINTS + ".rows-stale")).as("JSON that cannot be read is said to be").isTrue();
        assertThat(page.locator(ENDPOINTS + ".row").count()).isEqualTo(endpoints - 1);
    }
}
