def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/hpo')
def props(File f) { def p = new Properties(); f.withReader('UTF-8') { p.load(it) }; p }
def check(ok, String what) { if (!ok) throw new AssertionError(what) }

// surefire ran each objective once (smoke), the goal's fork 8 + 4 trials, Spring injecting both times; the nested
// class's objective ran on an instance inside one of the enclosing class, injected by the same application context
def beans = new File(basedir, 'target/beans.txt').readLines()
def outer = beans.findAll { it.startsWith('outer ') }
def nested = beans.findAll { it.startsWith('nested ') }
check(outer.size() == 1 + 8 && nested.size() == 1 + 4, "smoke and study trials of both objectives: $beans")
def study = outer.drop(1) + nested.drop(1)
check(study*.split(' ')*.getAt(1).unique().size() == 1,
        "every trial of both studies saw the one application context's bean: $beans")
check(log.contains('[hpo] PricingTuningTest.profit trial 8/8'), 'last trial line')
check(log.contains('[hpo] PricingTuningTest.WithShipping.profit trial 4/4'), 'the nested study ran in the goal')
check(log =~ /PricingTuningTest\.profit\s+maximize\s+\S+\s+#\d+\s+8\s+0\s+0/,
        'summary row: 8 complete, 0 pruned, 0 failed')
check(log =~ /PricingTuningTest\.WithShipping\.profit\s+maximize\s+\S+\s+#\d+\s+4\s+0\s+0/,
        'nested summary row: 4 complete, 0 pruned, 0 failed')
def p = props(new File(out, 'best-params.properties'))
double price = p.getProperty('PricingTuningTest.profit.price') as double
double value = p.getProperty('PricingTuningTest.profit.value') as double
check(Math.abs((price - 4) * Math.max(0, 100 - 5 * price) - value) < 1e-6,
        "the best value $value is the profit the beans give at price $price")
double shipped = p.getProperty('PricingTuningTest.WithShipping.profit.price') as double
check(Math.abs((shipped - 5) * Math.max(0, 100 - 5 * shipped)
        - (p.getProperty('PricingTuningTest.WithShipping.profit.value') as double)) < 1e-6,
        "the nested study's best value is the profit with shipping at price $shipped")
return true
