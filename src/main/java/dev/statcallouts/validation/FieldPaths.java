package dev.statcallouts.validation;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/** How a Bean Validation property path is named to clients: the JSON path into what they sent. */
public final class FieldPaths {

    private FieldPaths() {}

    /** A field name, and whether it lies inside a request body. */
    public record FieldPath(String name, boolean inBody) {}

    /**
     * The client's name for a violated property: "sources[0].url" inside a request body (the
     * method and parameter nodes dropped) or the parameter's own name ("size").
     */
    public static FieldPath of(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        int parameter = -1;
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).getKind() == ElementKind.PARAMETER) {
                parameter = i;
            }
        }
        List<Path.Node> inside = nodes.subList(parameter + 1, nodes.size());
        if (inside.isEmpty()) {
            return new FieldPath(parameter >= 0 ? nodes.get(parameter).getName() : path.toString(), false);
        }
        // Bean Validation puts a list index on the node after the list: "sources", "[0] url".
        StringBuilder name = new StringBuilder();
        for (Path.Node node : inside) {
            if (node.isInIterable()) {
                name.append('[')
                        .append(node.getIndex() != null ? node.getIndex() : node.getKey())
                        .append(']');
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                name.append(name.length() == 0 ? "" : ".").append(node.getName());
            }
        }
        return new FieldPath(name.toString(), true);
    }
}
