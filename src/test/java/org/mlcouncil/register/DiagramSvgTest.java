package org.mlcouncil.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class DiagramSvgTest {

  static Stream<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      List<Path> models = files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
      assertThat(models).as("the deployed models in bpmn/").hasSizeGreaterThanOrEqualTo(10);
      return models.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyDeployedModelIsDrawnWithEveryFlowNodeAndFlowOfItsDiagram(Path file) throws Exception {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Document svg = parse(DiagramSvg.render(model));

    assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
    List<String> drawn = attributes(svg, "//*[local-name()='g'][@data-activity]", "data-activity");
    List<String> inDiagram = model.getModelElementsByType(BpmnShape.class).stream()
        .filter(shape -> shape.getBpmnElement() instanceof FlowNode).map(shape -> shape.getBpmnElement().getId())
        .toList();
    assertThat(inDiagram).isNotEmpty();
    assertThat(drawn).containsExactlyInAnyOrderElementsOf(inDiagram);
    List<String> flows = model.getModelElementsByType(BpmnEdge.class).stream()
        .filter(edge -> edge.getBpmnElement() instanceof SequenceFlow).map(edge -> edge.getBpmnElement().getId())
        .toList();
    assertThat(attributes(svg, "//*[local-name()='g'][@data-flow]", "data-flow"))
        .containsExactlyInAnyOrderElementsOf(flows);
    for (String id : flows) {
      String name = ((SequenceFlow) model.getModelElementById(id)).getName();
      if (name != null && !name.isBlank()) {
        assertThat(text(svg, "//*[@data-flow-label='" + id + "']").replace(" ", ""))
            .as(id).isEqualTo(name.replaceAll("\\s", ""));
      }
    }
    for (String id : inDiagram) {
      String name = ((FlowNode) model.getModelElementById(id)).getName();
      if (name != null && !name.isBlank()) {
        assertThat(text(svg, "//*[@data-activity='" + id + "']/*[local-name()='title']")).as(id).isEqualTo(name);
      }
    }
  }

  @Test
  void namesAreTextNeverMarkup() throws Exception {
    String hostile = "<script>alert('x')</script> & \"quoted\"\u0001";
    BpmnModelInstance model = Bpmn.createExecutableProcess("hostile").startEvent("start").name(hostile)
        .userTask("review").name(hostile).exclusiveGateway("choice").name(hostile)
        .sequenceFlowId("toEnd").condition(hostile, "${true}").endEvent("end").done();

    String rendered = DiagramSvg.render(model);
    assertThat(rendered).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    Document svg = parse(rendered);
    assertThat(svg.getElementsByTagNameNS("*", "script").getLength()).isZero();
    String shown = hostile.replace("\u0001", "");
    assertThat(text(svg, "//*[@data-activity='review']/*[local-name()='title']")).isEqualTo(shown);
    assertThat(text(svg, "//*[@data-flow-label='toEnd']/*[local-name()='text']")).isEqualTo(
        String.join("", DiagramSvg.wrap(shown, 90)));
  }

  @Test
  void marksWhereItStandsAndWhatItPassed() throws Exception {
    BpmnModelInstance model = Bpmn.createExecutableProcess("steps").startEvent("start").userTask("first")
        .name("First step").userTask("second").name("A second step with a rather long name to wrap").endEvent("end")
        .done();
    String base = DiagramSvg.render(model);

    Document svg = parse(DiagramSvg.mark(base, Set.of("second"), Set.of("start", "first", "second")));
    assertThat(classOf(svg, "start")).isEqualTo("node passed");
    assertThat(classOf(svg, "first")).isEqualTo("node passed");
    assertThat(classOf(svg, "second")).as("where it stands wins over passed").isEqualTo("node now");
    assertThat(classOf(svg, "end")).isEqualTo("node");
    assertThat(DiagramSvg.mark(base, Set.of(), Set.of())).isEqualTo(base);
    assertThat(attributes(svg, "//*[@data-activity='second']//*[local-name()='tspan']", "dy")).hasSizeGreaterThan(1);
  }

  @Test
  void wrapsWordsToTheWidthAndCutsWordsLongerThanALine() {
    assertThat(DiagramSvg.wrap("Review the proposal", 66)).containsExactly("Review the", "proposal");
    assertThat(DiagramSvg.wrap("abcdefghijklmn", 27)).containsExactly("abcd", "efgh", "ijkl", "mn");
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
  }

  private static List<String> attributes(Document svg, String xpath, String attribute) throws Exception {
    NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, svg, XPathConstants.NODESET);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      values.add(((Element) nodes.item(i)).getAttribute(attribute));
    }
    return values;
  }

  private static String classOf(Document svg, String activity) throws Exception {
    return text(svg, "//*[@data-activity='" + activity + "']/@class");
  }

  private static String text(Document svg, String xpath) throws Exception {
    return XPathFactory.newInstance().newXPath().evaluate(xpath, svg);
  }
}
