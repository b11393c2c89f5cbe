package dev.hpo.junit.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Names trials the way Jupiter names parameterized invocations, {@code accuracy()[7] trees=120, rate=0.0123},
 * with real numbers cut to six significant digits so that names stay readable (the storage keeps full precision).
 */
final class TrialNames {

    private static final MathContext DISPLAY = new MathContext(6);

    private TrialNames() {
    }

    static String of(String methodName, int number, List<TunedParameter> tuned, Map<String, Object> params) {
        StringJoiner joiner = new StringJoiner(", ", methodName + "()[" + number + "]" + (tuned.isEmpty() ? "" : " "),
                "");
        for (TunedParameter p : tuned) {
            if (params.containsKey(p.name())) {
                joiner.add(p.name() + "=" + format(params.get(p.name())));
            }
        }
        return joiner.toString();
    }

    static String format(Object value) {
        if (value instanceof Double d && Double.isFinite(d)) {
            return new BigDecimal(d).round(DISPLAY).stripTrailingZeros().toString();
        }
        return String.valueOf(value);
    }
}
