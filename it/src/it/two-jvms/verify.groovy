def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/hpo')
def props(File f) { def p = new Properties(); f.withReader('UTF-8') { p.load(it) }; p }
def check(ok, String what) { if (!ok) throw new AssertionError(what) }

check(new File(basedir, 'shared/studies.log').isFile(), 'one journal for both modules')
check(log.contains('hpo: skipped: two-jvms has packaging pom, so no test classes to run objectives from'),
        'the parent, which declares the plugin too, skips it')
check(log.contains('hpo: skipped: two-jvms has packaging pom (its modules report their own studies)'),
        'hpo:report skips the parent too')
check(log.count('[hpo] shared.bowl trial') == 30, 'both forks ran their 15 trials')
// the report of module a, rebuilt after both builds ended, sees every trial of both forks
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'a/target/hpo/shared.bowl.json'))
check(json.trials.size() == 30, "30 trials in the shared study, got ${json.trials.size()}")
check(json.trials*.number.sort() == (0..29).toList(), "distinct trial numbers: ${json.trials*.number.sort()}")
return true
