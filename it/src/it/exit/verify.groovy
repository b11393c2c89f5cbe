def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/hpo')
def check(ok, String what) { if (!ok) throw new AssertionError(what) }

check(log.contains('the forked JVM exited with code 3 before it finished the study'), 'the goal names the exit')
check(log.contains('[hpo] ExitTuning.bowl trial 3/5  failed (the JVM exited during the trial'), 'the exiting trial is logged as failed')
// the failing build writes the outputs of what it stored: no hpo:report needed
check(new File(out, 'report.html').isFile() && new File(out, 'best-params.properties').isFile(), 'outputs written')
check(log.indexOf('wrote ') >= 0 && log.indexOf('wrote ') < log.indexOf('the forked JVM exited with code 3'),
        'the outputs are written before the build fails')
def json = new groovy.json.JsonSlurper().parse(new File(out, 'ExitTuning.bowl.json'))
check(json.trials.size() == 3, "trials 0, 1 and the one that exited, got ${json.trials.size()}")
check(json.counts.RUNNING == 0 && json.counts.FAIL == 1 && json.counts.COMPLETE == 2, "counts ${json.counts}")
def exited = json.trials.find { it.number == 2 }
check(exited.state == 'FAIL', 'trial 2 stored as FAIL')
check(exited.failReason?.startsWith('the JVM exited during the trial'), "the reason is stored: ${exited.failReason}")
return true
