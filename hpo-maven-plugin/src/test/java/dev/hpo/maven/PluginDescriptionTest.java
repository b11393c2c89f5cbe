package dev.hpo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What {@code mvn hpo:help} prints comes from the descriptor maven-plugin-plugin generates before the tests run: its
 * first line ("Goals optimize, report, …") must name every goal the plugin has, and every parameter must be described
 * there, with the default the goal applies. The descriptor also says which parameters Maven's own converter reads.
 */
class PluginDescriptionTest {

    private final XPath xpath = XPathFactory.newInstance().newXPath();

    private Document help() throws Exception {
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/maven/dev.hpo/hpo-maven-plugin/plugin-help.xml")) {
            assertTrue(in != null, "the help descriptor is generated at process-classes");
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    @Test
    void theHelpBannerNamesEveryGoal() throws Exception {
        Document help = help();
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

    @Test
    void everyParameterOfEveryGoalIsDescribed() throws Exception {
        NodeList parameters = (NodeList) xpath.evaluate("/plugin/mojos/mojo/parameters/parameter", help(),
                XPathConstants.NODESET);
        List<String> undescribed = new ArrayList<>();
        for (int i = 0; i < parameters.getLength(); i++) {
            if (xpath.evaluate("description", parameters.item(i)).isBlank()) {
                undescribed.add(xpath.evaluate("../../goal", parameters.item(i)) + ":"
                        + xpath.evaluate("name", parameters.item(i)));
            }
        }
        assertEquals(List.of(), undescribed);
    }

    /**
     * A number or a switch with an {@code hpo.} property reaches the goal as text, which it reads with a sentence for
     * a bad value ({@link WholeNumberParameter}, {@link SwitchParameter}); Maven's converter would say only
     * {@code Cannot convert '0.5' to int}, or read {@code -Dhpo.skip=maybe} as false. Maven's and surefire's own
     * properties ({@code skipTests}, {@code maven.test.failure.ignore}) keep Maven's handling.
     */
    @Test
    void noHpoPropertyIsLeftToMavensConverter() throws Exception {
        NodeList configured = (NodeList) xpath.evaluate("/plugin/mojos/mojo/configuration/*", help(),
                XPathConstants.NODESET);
        List<String> converted = new ArrayList<>();
        for (int i = 0; i < configured.getLength(); i++) {
            Element parameter = (Element) configured.item(i);
            String type = parameter.getAttribute("implementation");
            if (parameter.getTextContent().startsWith("${hpo.")
                    && !type.equals("java.lang.String") && !type.equals("java.io.File")) {
                converted.add(parameter.getTagName() + " (" + type + ")");
            }
        }
        assertEquals(List.of(), converted);
    }

    @Test
    void theSwitchesDefaultsAreTheOnesTheHelpShows() throws Exception {
        Document help = help();
        for (String goal : List.of("optimize", "report", "studies", "delete-study")) {
            assertEquals(Boolean.toString(AbstractHpoMojo.SKIP.byDefault()), defaultOf(help, goal, "skip"), goal);
        }
        assertEquals(Boolean.toString(OptimizeMojo.FAIL_ON_THRESHOLD.byDefault()),
                defaultOf(help, "optimize", "failOnThreshold"));
        assertEquals(Boolean.toString(OptimizeMojo.FAIL_IF_NO_OBJECTIVES.byDefault()),
                defaultOf(help, "optimize", "failIfNoObjectives"));
    }

    private String defaultOf(Document help, String goal, String parameter) throws Exception {
        return xpath.evaluate("/plugin/mojos/mojo[goal='" + goal + "']/configuration/" + parameter + "/@default-value",
                help);
    }
}
