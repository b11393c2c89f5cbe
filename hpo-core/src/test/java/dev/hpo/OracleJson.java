package dev.hpo;

import com.fasterxml.jackson.databind.JsonNode;

/** Numbers of the oracle fixtures that Optuna's scripts in {@code hpo-bench/optuna/} write, read as Java arrays. */
public final class OracleJson {

    private OracleJson() {
    }

    /** A JSON array of numbers. */
    public static double[] vector(JsonNode node) {
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = node.get(i).asDouble();
        }
        return v;
    }

    /** A JSON array of arrays of numbers, row by row. */
    public static double[][] matrix(JsonNode node) {
        double[][] m = new double[node.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(node.get(i));
        }
        return m;
    }
}
