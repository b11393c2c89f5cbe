def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/hpo')
def props(File f) { def p = new Properties(); f.withReader('UTF-8') { p.load(it) }; p }
def check(ok, String what) { if (!ok) throw new AssertionError(what) }

check(log.contains('BUILD FAILURE'), 'build failed')
def error = log.readLines().findAll { it.startsWith('[ERROR]') }.join('\n')
check(error.contains('BrokenTuning') && error.contains('depth') && error.contains('30'),
        "the failure names class, parameter and bad value:\n$error")
// one line for the person reading the log, not the engine's stack trace
check(log.readLines().any { it.contains('[hpo] FAILED') && it.contains('depth') }, 'the failure has its own log line')
check(!log.contains('at dev.hpo.junit.engine.'), "a malformed objective is reported without a stack trace:\n$log")
def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/hpo-reports/TEST-hpo.xml'))
def broken = junit.testcase.find { it.error.@message.text().contains('depth') }
check(junit.@errors.text() as int >= 1 && broken,
        "the JUnit XML report has the malformed objective as an error: ${junit.testcase*.attributes()}")
// filed as surefire files a Jupiter test: under its class, by its method and parameter types
check(broken.@classname.text() == 'sample.BrokenTuning' && broken.@name.text() == 'depth(int)',
        "the malformed objective's case is under its class: ${broken.attributes()}")
// a study whose trials all failed is one problem, not two (the engine's failed objective and the goal's verdict)
check(error.contains('2 problems:'), "the malformed objective and the study without result:\n$error")
check(error.count('study FailingTuning.always:') == 1 && error.contains('all 2 trials of this build failed'),
        "the study without result is reported once:\n$error")
def failing = junit.testcase.findAll {
    it.@name.text().contains('FailingTuning') || it.error.@message.text().contains('FailingTuning')
}
check(failing.size() == 1 && failing[0].@classname.text() == 'sample.FailingTuning' && failing[0].error.size() == 1,
        "one case in error, under the objective's class: ${failing*.attributes()}")
check(junit.@tests.text() == '2' && junit.@errors.text() == '2', "two cases in error: ${junit.attributes()}")
return true
