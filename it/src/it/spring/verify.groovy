def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/hpo')
def props(File f) { def p = new Properties(); f.withReader('UTF-8') { p.load(it) }; p }
def check(ok, String what) { if (!ok) throw new AssertionError(what) }

// surefire ran the objective once (smoke), the goal's fork its eight trials, Spring injecting both times
def beans = new File(basedir, 'target/beans.txt').readLines()
check(beans.size() == 1 + 8, "one smoke trial and eight study trials, got ${beans.size()}")
check(beans.drop(1).unique().size() == 1, "every trial of the study saw the one application context's bean: $beans")
check(log.contains('[hpo] PricingTuningTest.profit trial 8/8'), 'last trial line')
check(log =~ /PricingTuningTest\.profit\s+maximize\s+\S+\s+#\d+\s+8\s+0\s+0/,
        'summary row: 8 complete, 0 pruned, 0 failed')
def p = props(new File(out, 'best-params.properties'))
double price = p.getProperty('PricingTuningTest.profit.price') as double
double value = p.getProperty('PricingTuningTest.profit.value') as double
check(Math.abs((price - 4) * Math.max(0, 100 - 5 * price) - value) < 1e-6,
        "the best value $value is the profit the beans give at price $price")
return true
