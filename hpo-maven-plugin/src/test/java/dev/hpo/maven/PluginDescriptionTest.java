package dev.hpo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The plugin's description is the first line {@code mvn hpo:help} prints ("Goals optimize, report, …"): it must name
 * every goal the plugin has, read from the descriptor maven-plugin-plugin generates before the tests run.
 */
class PluginDescriptionTest {

    @Test
    void theHelpBannerNamesEveryGoal() throws Exception {
        Document help;
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/maven/dev.hpo/hpo-maven-plugin/plugin-help.xml")) {
            assertTrue(in != null, "the help descriptor is generated at process-classes");
            help = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        XPath xpath = XPathFactory.newInstance().newXPath();
        String description = xpath.evaluate("/plugin/description", help);
        NodeList goals = (NodeList) xpath.evaluate("/plugin/mojos/mojo/goal", help, XPathConstants.NODESET);
        Set<String> declared = new TreeSet<>();
        for (int i = 0; i < goals.getLength(); i++) {
            declared.add(goals.item(i).getTextContent());
        }
        assertTrue(description.startsWith("Goals ") && description.contains(":"), description);
        Set<String> named = new TreeSet<>(List.of(description.substring("Goals ".length(), description.indexOf(':'))
                .split(",\\s*|\\s+and\\s+")));
        assertEquals(declared, named, "the goals the description names");
    }
}
