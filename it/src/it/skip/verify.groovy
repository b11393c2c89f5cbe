def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/hpo')
def props(File f) { def p = new Properties(); f.withReader('UTF-8') { p.load(it) }; p }
def check(ok, String what) { if (!ok) throw new AssertionError(what) }

check(log.contains('hpo: skipped (hpo.skip=true)'), 'hpo.skip line')
check(log.contains('hpo: skipped because skipTests is set'), 'skipTests line')
check(log.contains('[ERROR] Failed to execute goal dev.hpo:hpo-maven-plugin')
        && log.contains('no objective ran: study SkippedTuning.bowl is not among hpo.objectives = Nope.x'), 'filter failure')
check(log.contains('[WARNING] no objective ran: study SkippedTuning.bowl is not among hpo.objectives = Nope.x')
        && log.contains('(failIfNoObjectives=false: not failing the build)'), 'filter warning')
check(log.contains('no objective matches the tags asked for (excludedGroups = gpu)'), 'tag filter failure')
check(log.contains("invalid tag expression '(gpu' for groups (hpo.groups)")
        && log.contains('the forked JVM refused its arguments'), 'a bad tag expression is named')
check(log.contains('the test sources in ') && log.contains('are not compiled')
        && log.contains('run mvn test-compile hpo:optimize'), 'uncompiled tests are named, with the command to run')
def errors = log.readLines().findAll { it.startsWith('[ERROR]') }.join('\n')
check(errors.contains("invalid value '0.5' for parameter trials (hpo.trials): allowed is an integer of at least 1,"
        + ' or -1 (no limit) together with hpo.timeout or @Objective(timeout)'),
        "a fraction of trials is named:\n$errors")
check(errors.contains("invalid value 'maybe' for parameter skip (hpo.skip): allowed is true or false"),
        "a skip that is neither true nor false is named:\n$errors")
check(!log.contains('Cannot convert'), "Maven's converter does not answer for the goal")
check(!log.contains('[hpo] SkippedTuning'), 'no trial ran')
check(!new File(out, 'best-params.properties').exists(), 'no outputs')
return true
