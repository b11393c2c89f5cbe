package sample;

/** Units sold at a price: a linear demand curve. */
class DemandModel {

    private final double base;

    DemandModel(double base) {
        this.base = base;
    }

    double unitsAt(double price) {
        return Math.max(0, base - 5 * price);
    }
}
