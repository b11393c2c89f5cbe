def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/hpo')
def check(ok, String what) { if (!ok) throw new AssertionError(what) }

check(log.contains('the forked JVM exited with code 3 before it finished the study'), 'the goal names the exit')
check(log.contains('[hpo] ExitTuning.bowl trial 3/5  failed (the JVM exited during the trial'), 'the exiting trial is logged as failed')
// the failing build writes the outputs of what it stored: no hpo:report needed
check(new File(out, 'report.html').isFile() && new File(out, 'best-params.properties').isFile(), 'outputs written')
check(log.lastIndexOf('wrote ') >= 0 && log.lastIndexOf('wrote ') < log.indexOf('the forked JVM exited with code 3'),
        'the outputs are written before the build fails')
// and they still cover the project's other study, which the first build ran and this one did not
def props = new Properties()
new File(out, 'best-params.properties').withReader('UTF-8') { props.load(it) }
check(props.getProperty('ExitTuning.bowl.trial') != null, "the exiting study's best trial: ${props}")
check(props.getProperty('LineTuning.line.trial') != null, "the other study's best trial is kept: ${props}")
check(new File(out, 'report.html').text.contains('LineTuning.line'), 'the report covers the other study')
def json = new groovy.json.JsonSlurper().parse(new File(out, 'ExitTuning.bowl.json'))
check(json.trials.size() == 3, "trials 0, 1 and the one that exited, got ${json.trials.size()}")
check(json.counts.RUNNING == 0 && json.counts.FAIL == 1 && json.counts.COMPLETE == 2, "counts ${json.counts}")
def exited = json.trials.find { it.number == 2 }
check(exited.state == 'FAIL', 'trial 2 stored as FAIL')
check(exited.failReason?.startsWith('the JVM exited during the trial'), "the reason is stored: ${exited.failReason}")
return true
