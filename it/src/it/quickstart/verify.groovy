def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/hpo')
def props(File f) { def p = new Properties(); f.withReader('UTF-8') { p.load(it) }; p }
def check(ok, String what) { if (!ok) throw new AssertionError(what) }

check(log.contains('[hpo] QuadraticTuning.bowl trial 1/20'), 'first trial line')
check(log.contains('[hpo] QuadraticTuning.bowl trial 20/20'), 'last trial line')
check(log =~ /study\s+direction\s+best\s+trial\s+complete\s+pruned\s+failed\s+time/, 'summary table header')
check(log =~ /QuadraticTuning\.bowl\s+minimize\s+\S+\s+#\d+\s+20\s+0\s+0/, 'summary row: 20 complete, 0 pruned, 0 failed')
def p = props(new File(out, 'best-params.properties'))
check(p.stringPropertyNames() == ['QuadraticTuning.bowl.x', 'QuadraticTuning.bowl.y', 'QuadraticTuning.bowl.value',
        'QuadraticTuning.bowl.trial'] as Set, "properties keys: ${p.stringPropertyNames()}")
double x = p.getProperty('QuadraticTuning.bowl.x') as double
double y = p.getProperty('QuadraticTuning.bowl.y') as double
double v = p.getProperty('QuadraticTuning.bowl.value') as double
check(Math.abs((x - 1) * (x - 1) + (y + 2) * (y + 2) - v) < 1e-9, "value $v is the objective at x=$x, y=$y")
check((p.getProperty('QuadraticTuning.bowl.trial') as int) in 0..19, 'best trial number')
def report = new File(out, 'report.html')
check(report.isFile() && report.text.contains('QuadraticTuning.bowl'), 'report.html names the study')
def json = new groovy.json.JsonSlurper().parse(new File(out, 'QuadraticTuning.bowl.json'))
check(json.trials.size() == 20, "json has 20 trials, got ${json.trials.size()}")
// the gate as a JUnit XML report, where CI servers read test results
def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/hpo-reports/TEST-hpo.xml'))
check(junit.@tests == '1' && junit.@failures == '0' && junit.@errors == '0', "one passing case: ${junit.attributes()}")
check(junit.testcase[0].@classname == 'sample.QuadraticTuning' && junit.testcase[0].@name == 'QuadraticTuning.bowl',
        "the case is the study, under its objective's class: ${junit.testcase[0].attributes()}")
// as in a GitHub Actions job: the summary table, with the gate's verdict, appended to $GITHUB_STEP_SUMMARY
def summary = new File(basedir, 'step-summary.md').text
check(summary.startsWith('### hpo:optimize: quickstart') && summary =~ /\| QuadraticTuning\.bowl \| no threshold \| minimize \|/,
        "the job summary has the study:\n$summary")
return true
