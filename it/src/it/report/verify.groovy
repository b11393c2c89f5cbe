def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/hpo')
def props(File f) { def p = new Properties(); f.withReader('UTF-8') { p.load(it) }; p }
def check(ok, String what) { if (!ok) throw new AssertionError(what) }

def rebuilt = new File(basedir, 'target/rebuilt')
check(props(new File(rebuilt, 'best-params.properties')) == props(new File(out, 'best-params.properties')),
        'rebuilt properties equal the optimize build\'s')
check(new File(rebuilt, 'report.html').isFile(), 'report rebuilt')
def json = new groovy.json.JsonSlurper().parse(new File(rebuilt, 'ReportTuning.bowl.json'))
check(json.trials.size() == 4, 'the report ran no trial')
check(log.count('[hpo] ReportTuning.bowl trial') == 4, 'trial lines only from the optimize build')
check(json.trials.every { it.state == 'COMPLETE' }, 'every trial completed, so the fork ran @BeforeAll and @BeforeEach')
check(log.contains('skipped: ReportTuning.slow is @Disabled: never in CI'), 'the disabled objective is named in the log')
check(!new File(out, 'ReportTuning.slow.json').exists(), 'the disabled objective has no study')
return true
