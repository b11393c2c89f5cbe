def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/hpo')
def props(File f) { def p = new Properties(); f.withReader('UTF-8') { p.load(it) }; p }
def check(ok, String what) { if (!ok) throw new AssertionError(what) }

check(log =~ /study GateTuning\.bowl: best \S+ \(trial \d+\) missed threshold -1\.0 \(minimize\)/, 'threshold message')
check(log.contains('BUILD FAILURE'), 'build failed')
check(new File(out, 'best-params.properties').isFile(), 'outputs are written before the gate fails the build')
def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/hpo-reports/TEST-hpo.xml'))
// the multi-objective gate: error ≤ 0.1 needs x ≥ 0.68, cost ≤ 0.1 needs x ≤ 0.1, so no trial reaches both
def multi = /study TradeOffGateTuning\.tradeOff: none of its \d+ Pareto-optimal trials reaches every threshold/ +
        / at once \(error ≤ 0\.1, cost ≤ 0\.1\)/
check(log =~ multi, 'the multi-objective miss, with its metrics')
def multiCase = junit.testcase.find { it.@name.text().contains('TradeOffGateTuning') }
check(junit.@failures == '2' && multiCase.failure.@message.text() ==~ multi, 'and its failed case')
check(junit.testcase.find { it.@name.text().contains('GateTuning.bowl') }.failure.@message.text() ==~ /study GateTuning\.bowl: best \S+ \(trial \d+\) missed threshold -1\.0 \(minimize\)/,
        "the JUnit XML report has the miss as a failed case: ${junit.testcase[0].failure.@message}")
return true
