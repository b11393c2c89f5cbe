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
check(junit.@errors.text() as int >= 1 && junit.testcase.error.find { it.@message.text().contains('depth') },
        "the JUnit XML report has the malformed objective as an error: ${junit.testcase*.attributes()}")
return true
