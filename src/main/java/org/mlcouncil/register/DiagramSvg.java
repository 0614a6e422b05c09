package org.mlcouncil.register;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/**
 * A process's BPMN diagram interchange drawn as SVG on the server, so the item page shows where an
 * item stands without any script. Every flow node is a {@code <g class="node" data-activity="id">};
 * {@link #mark} adds {@code now} or {@code passed} to that class, and the register's stylesheet colours
 * them. Names come from deployed models, and are escaped all the same.
 */
final class DiagramSvg {

  private static final int PADDING = 10;
  private static final int FONT_SIZE = 12;
  private static final int LINE_HEIGHT = 14;
  /** An average character of the 12px sans-serif font, wide enough that wrapped lines stay inside. */
  private static final double CHAR_WIDTH = 6.6;

  private DiagramSvg() {
  }

  /** The diagram with nothing marked; the same for every instance of the definition. */
  static String render(BpmnModelInstance model) {
    Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
    Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);
    Box box = new Box();
    shapes.forEach(shape -> {
      box.add(shape.getBounds());
      box.add(shape.getBpmnLabel());
    });
    edges.forEach(edge -> {
      edge.getWaypoints().forEach(point -> box.add(point.getX(), point.getY()));
      box.add(edge.getBpmnLabel());
    });
    if (box.width() == 0 && box.height() == 0) {
      box.add(0, 0);
    }

    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"process-diagram\" role=\"img\" viewBox=\"")
        .append(number(box.minX - PADDING)).append(' ').append(number(box.minY - PADDING)).append(' ')
        .append(number(box.width() + 2 * PADDING)).append(' ').append(number(box.height() + 2 * PADDING))
        .append("\" width=\"").append(number(box.width() + 2 * PADDING))
        .append("\" height=\"").append(number(box.height() + 2 * PADDING))
        .append("\" font-family=\"sans-serif\" font-size=\"").append(FONT_SIZE).append("\">")
        .append("<defs><marker id=\"mlc-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\"")
        .append(" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#444\"/>")
        .append("</marker></defs>");

    List<BpmnShape> nodes = shapes.stream().filter(shape -> shape.getBpmnElement() instanceof FlowNode)
        .sorted(Comparator.comparingInt(DiagramSvg::layer)
            // outer sub-processes before the ones they contain
            .thenComparing(shape -> -shape.getBounds().getWidth() * shape.getBounds().getHeight()))
        .toList();
    // Expanded sub-processes lie under the flows inside them; everything else above the flows.
    // Flows' names above every line, yet under the shapes: a task's own name matters more than a
    // flow label the modeller left across it.
    List<BpmnEdge> flows = edges.stream().filter(edge -> edge.getBpmnElement() instanceof SequenceFlow)
        .filter(edge -> edge.getWaypoints().size() >= 2).toList();
    nodes.stream().filter(DiagramSvg::isContainer).forEach(shape -> node(svg, shape));
    flows.forEach(edge -> edge(svg, edge));
    flows.forEach(edge -> edgeLabel(svg, edge));
    nodes.stream().filter(shape -> !isContainer(shape)).forEach(shape -> node(svg, shape));
    return svg.append("</svg>").toString();
  }

  /**
   * The diagram with the activities an item stands in (or the end it reached) marked {@code now}, and
   * those it has passed {@code passed}. Marking edits only the classes of the nodes named.
   */
  static String mark(String diagram, Set<String> now, Set<String> passed) {
    String marked = diagram;
    for (String id : passed) {
      if (!now.contains(id)) {
        marked = marked.replace(opening(id, "node"), opening(id, "node passed"));
      }
    }
    for (String id : now) {
      marked = marked.replace(opening(id, "node"), opening(id, "node now"));
    }
    return marked;
  }

  private static String opening(String id, String classes) {
    return "<g class=\"" + classes + "\" data-activity=\"" + xml(id) + "\">";
  }

  private static int layer(BpmnShape shape) {
    return shape.getBpmnElement() instanceof BoundaryEvent ? 1 : 0;
  }

  private static boolean isContainer(BpmnShape shape) {
    return shape.getBpmnElement() instanceof SubProcess && shape.isExpanded();
  }

  private static void node(StringBuilder svg, BpmnShape shape) {
    FlowNode node = (FlowNode) shape.getBpmnElement();
    Bounds bounds = shape.getBounds();
    double x = bounds.getX();
    double y = bounds.getY();
    double width = bounds.getWidth();
    double height = bounds.getHeight();
    String name = node.getName();
    svg.append(opening(node.getId(), "node"));
    if (name != null) {
      svg.append("<title>").append(xml(name)).append("</title>");
    }
    if (node instanceof Activity) {
      boolean container = isContainer(shape);
      boolean eventSubProcess = node instanceof SubProcess sub && sub.triggeredByEvent();
      svg.append("<rect class=\"shape\" x=\"").append(number(x)).append("\" y=\"").append(number(y))
          .append("\" width=\"").append(number(width)).append("\" height=\"").append(number(height))
          .append("\" rx=\"10\" fill=\"").append(container ? "none" : "#fff").append("\" stroke=\"#333\" stroke-width=\"")
          .append(node instanceof CallActivity ? 3 : 1.5).append('"')
          .append(eventSubProcess ? " stroke-dasharray=\"6 4\"" : "").append("/>");
      if (container) {
        text(svg, name, x + 8, y + 18, width - 16, "start");
      } else {
        centredText(svg, name, x + width / 2, y + height / 2, width - 10);
      }
    } else if (node instanceof Event) {
      double radius = Math.min(width, height) / 2;
      double cx = x + width / 2;
      double cy = y + height / 2;
      svg.append(circle(cx, cy, radius, "shape", node instanceof EndEvent ? 3 : 1.5,
          node instanceof BoundaryEvent boundary && !boundary.cancelActivity()));
      if (node instanceof BoundaryEvent || node instanceof IntermediateCatchEvent
          || node instanceof IntermediateThrowEvent) {
        svg.append(circle(cx, cy, radius - 3, "inner", 1, false));
      }
      outsideLabel(svg, shape, name);
    } else if (node instanceof Gateway) {
      svg.append("<polygon class=\"shape\" points=\"").append(number(x + width / 2)).append(',').append(number(y))
          .append(' ').append(number(x + width)).append(',').append(number(y + height / 2)).append(' ')
          .append(number(x + width / 2)).append(',').append(number(y + height)).append(' ').append(number(x))
          .append(',').append(number(y + height / 2)).append("\" fill=\"#fff\" stroke=\"#333\" stroke-width=\"1.5\"/>");
      outsideLabel(svg, shape, name);
    }
    svg.append("</g>");
  }

  private static String circle(double cx, double cy, double radius, String cssClass, double stroke, boolean dashed) {
    return "<circle class=\"" + cssClass + "\" cx=\"" + number(cx) + "\" cy=\"" + number(cy) + "\" r=\""
        + number(radius) + "\" fill=\"#fff\" stroke=\"#333\" stroke-width=\"" + number(stroke) + "\""
        + (dashed ? " stroke-dasharray=\"4 3\"" : "") + "/>";
  }

  /** Events' and gateways' names sit where the modeller put their label, or under the shape. */
  private static void outsideLabel(StringBuilder svg, BpmnShape shape, String name) {
    BpmnLabel label = shape.getBpmnLabel();
    Bounds bounds = label != null && label.getBounds() != null ? label.getBounds() : null;
    if (bounds != null) {
      text(svg, name, bounds.getX() + bounds.getWidth() / 2, bounds.getY() + FONT_SIZE, Math.max(bounds.getWidth(), 90),
          "middle");
    } else {
      Bounds own = shape.getBounds();
      text(svg, name, own.getX() + own.getWidth() / 2, own.getY() + own.getHeight() + FONT_SIZE + 4, 90, "middle");
    }
  }

  private static void edge(StringBuilder svg, BpmnEdge edge) {
    SequenceFlow flow = (SequenceFlow) edge.getBpmnElement();
    svg.append("<g class=\"flow\" data-flow=\"").append(xml(flow.getId())).append("\"><polyline points=\"");
    for (Waypoint point : edge.getWaypoints()) {
      svg.append(number(point.getX())).append(',').append(number(point.getY())).append(' ');
    }
    svg.setLength(svg.length() - 1);
    svg.append("\" fill=\"none\" stroke=\"#444\" stroke-width=\"1.5\" marker-end=\"url(#mlc-arrow)\"/></g>");
  }

  /** A named flow's name where the modeller put it, or beside its first segment. */
  private static void edgeLabel(StringBuilder svg, BpmnEdge edge) {
    SequenceFlow flow = (SequenceFlow) edge.getBpmnElement();
    if (flow.getName() == null || flow.getName().isBlank()) {
      return;
    }
    svg.append("<g class=\"flow-label\" data-flow-label=\"").append(xml(flow.getId())).append("\">");
    BpmnLabel label = edge.getBpmnLabel();
    if (label != null && label.getBounds() != null) {
      Bounds bounds = label.getBounds();
      text(svg, flow.getName(), bounds.getX() + bounds.getWidth() / 2, bounds.getY() + FONT_SIZE,
          Math.max(bounds.getWidth(), 60), "middle");
    } else {
      List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
      Waypoint first = points.get(0);
      Waypoint second = points.get(1);
      text(svg, flow.getName(), (first.getX() + second.getX()) / 2 + 4, (first.getY() + second.getY()) / 2 - 4, 90,
          "start");
    }
    svg.append("</g>");
  }

  /** A name wrapped to a box and centred in it both ways (a task's name). */
  private static void centredText(StringBuilder svg, String name, double cx, double cy, double width) {
    int lines = wrap(name, width).size();
    text(svg, name, cx, cy - (lines - 1) * LINE_HEIGHT / 2.0 + FONT_SIZE / 2.0 - 2, width, "middle");
  }

  /** A name wrapped to a width, its first line's baseline at {@code y}. */
  private static void text(StringBuilder svg, String name, double x, double y, double width, String anchor) {
    if (name == null || name.isBlank()) {
      return;
    }
    svg.append("<text class=\"label\" x=\"").append(number(x)).append("\" y=\"").append(number(y))
        .append("\" text-anchor=\"").append(anchor)
        // a white outline under the letters keeps a name readable where it crosses a line
        .append("\" fill=\"#222\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">");
    List<String> lines = wrap(name, width);
    for (int i = 0; i < lines.size(); i++) {
      svg.append("<tspan x=\"").append(number(x)).append("\" dy=\"").append(i == 0 ? 0 : LINE_HEIGHT).append("\">")
          .append(xml(lines.get(i))).append("</tspan>");
    }
    svg.append("</text>");
  }

  /** Words on lines no wider than the width; a word longer than a line is cut. */
  static List<String> wrap(String text, double width) {
    int perLine = Math.max(4, (int) (width / CHAR_WIDTH));
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      while (word.length() > perLine) {
        if (!line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
        }
        lines.add(word.substring(0, perLine));
        word = word.substring(perLine);
      }
      if (!line.isEmpty() && line.length() + 1 + word.length() > perLine) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.isEmpty() ? "" : " ").append(word);
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  /** Text safe in XML content and attributes; characters XML 1.0 cannot hold are left out. */
  static String xml(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> {
          if (c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
              || c >= 0x10000 && c <= 0x10FFFF) {
            escaped.appendCodePoint(c);
          }
        }
      }
    });
    return escaped.toString();
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
  }

  /** The extent of everything drawn. */
  private static final class Box {
    private double minX = Double.MAX_VALUE;
    private double minY = Double.MAX_VALUE;
    private double maxX = -Double.MAX_VALUE;
    private double maxY = -Double.MAX_VALUE;

    void add(Bounds bounds) {
      add(bounds.getX(), bounds.getY());
      add(bounds.getX() + bounds.getWidth(), bounds.getY() + bounds.getHeight());
    }

    void add(BpmnLabel label) {
      if (label != null && label.getBounds() != null) {
        add(label.getBounds());
      }
    }

    void add(double x, double y) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }

    double width() {
      return minX > maxX ? 0 : maxX - minX;
    }

    double height() {
      return minY > maxY ? 0 : maxY - minY;
    }
  }
}
