def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/hpo')
def props(File f) { def p = new Properties(); f.withReader('UTF-8') { p.load(it) }; p }
def check(ok, String what) { if (!ok) throw new AssertionError(what) }

check(log.contains('BUILD FAILURE'), 'build failed')
def error = log.readLines().findAll { it.startsWith('[ERROR]') }.join('\n')
check(error.contains('BrokenTuning') && error.contains('depth') && error.contains('30'),
        "the failure names class, parameter and bad value:\n$error")
return true
