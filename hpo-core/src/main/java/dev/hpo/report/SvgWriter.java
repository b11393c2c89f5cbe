package dev.hpo.report;

/**
 * A small writer of SVG markup: shapes, text and hover titles, every text and attribute value escaped.
 * A {@link Plot} draws into one and sets its size; {@link #toString()} gives the {@code <svg>} element.
 */
public final class SvgWriter {

    private final StringBuilder body = new StringBuilder(4096);
    private final String label;
    private double width = 600;
    private double height = 400;

    /** @param label what the picture shows, for screen readers ({@code aria-label}) */
    public SvgWriter(String label) {
        this.label = label;
    }

    /** The picture's size in pixels. */
    public SvgWriter size(double width, double height) {
        this.width = width;
        this.height = height;
        return this;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** A rectangle; {@code style} is a CSS class or a fill colour (starting with '#'); title may be null. */
    public SvgWriter rect(double x, double y, double w, double h, String style, String title) {
        body.append("<rect x=\"").append(Html.px(x)).append("\" y=\"").append(Html.px(y))
                .append("\" width=\"").append(Html.px(Math.max(0, w))).append("\" height=\"")
                .append(Html.px(Math.max(0, h))).append('"');
        return style(style).close("rect", title);
    }

    public SvgWriter circle(double cx, double cy, double r, String style, String title) {
        body.append("<circle cx=\"").append(Html.px(cx)).append("\" cy=\"").append(Html.px(cy))
                .append("\" r=\"").append(Html.px(r)).append('"');
        return style(style).close("circle", title);
    }

    public SvgWriter line(double x1, double y1, double x2, double y2, String cssClass) {
        body.append("<line x1=\"").append(Html.px(x1)).append("\" y1=\"").append(Html.px(y1))
                .append("\" x2=\"").append(Html.px(x2)).append("\" y2=\"").append(Html.px(y2)).append('"');
        return style(cssClass).close("line", null);
    }

    /** An open polyline through the points; {@code stroke} a colour or null for the class's. */
    public SvgWriter polyline(double[] xs, double[] ys, String cssClass, String stroke, String title) {
        body.append("<polyline points=\"");
        for (int i = 0; i < xs.length; i++) {
            if (i > 0) {
                body.append(' ');
            }
            body.append(Html.px(xs[i])).append(',').append(Html.px(ys[i]));
        }
        body.append('"');
        if (cssClass != null) {
            body.append(" class=\"").append(Html.escape(cssClass)).append('"');
        }
        if (stroke != null) {
            body.append(" stroke=\"").append(Html.escape(stroke)).append('"');
        }
        return close("polyline", title);
    }

    /** Text at a point; {@code anchor} is start, middle or end; {@code rotate} in degrees (0 for none). */
    public SvgWriter text(double x, double y, String text, String anchor, String cssClass, double rotate) {
        body.append("<text x=\"").append(Html.px(x)).append("\" y=\"").append(Html.px(y)).append('"');
        if (anchor != null && !anchor.equals("start")) {
            body.append(" text-anchor=\"").append(Html.escape(anchor)).append('"');
        }
        if (cssClass != null) {
            body.append(" class=\"").append(Html.escape(cssClass)).append('"');
        }
        if (rotate != 0) {
            body.append(" transform=\"rotate(").append(Html.px(rotate)).append(' ').append(Html.px(x)).append(' ')
                    .append(Html.px(y)).append(")\"");
        }
        body.append('>').append(Html.escape(text)).append("</text>");
        return this;
    }

    /** Starts a group with a CSS class (and a hover title for everything in it when given). */
    public SvgWriter startGroup(String cssClass, String title) {
        body.append("<g");
        if (cssClass != null) {
            body.append(" class=\"").append(Html.escape(cssClass)).append('"');
        }
        body.append('>');
        if (title != null) {
            body.append("<title>").append(Html.escape(title)).append("</title>");
        }
        return this;
    }

    public SvgWriter endGroup() {
        body.append("</g>");
        return this;
    }

    private SvgWriter style(String style) {
        if (style == null) {
            return this;
        }
        body.append(style.startsWith("#") ? " fill=\"" : " class=\"").append(Html.escape(style)).append('"');
        return this;
    }

    private SvgWriter close(String element, String title) {
        if (title == null) {
            body.append("/>");
        } else {
            body.append("><title>").append(Html.escape(title)).append("</title></").append(element).append('>');
        }
        return this;
    }

    /** The {@code <svg>} element. */
    @Override
    public String toString() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + Html.px(width) + "\" height=\"" + Html.px(height)
                + "\" viewBox=\"0 0 " + Html.px(width) + ' ' + Html.px(height) + "\" role=\"img\" aria-label=\""
                + Html.escape(label) + "\">" + body + "</svg>";
    }
}
