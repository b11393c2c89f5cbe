package sample;

/** What one unit costs. */
record Costs(double perUnit) {
}
