def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/hpo')
def check(ok, String what) { if (!ok) throw new AssertionError(what) }

check(log.contains('the forked JVM exited with code 137 before it finished the study'), 'the goal names the exit')
check(log.contains('[WARNING] hpo: trial 2 of study KilledTuning.bowl was running when the forked JVM died; stored as FAIL'),
        'the goal says which trial it stored as FAIL')
def json = new groovy.json.JsonSlurper().parse(new File(out, 'KilledTuning.bowl.json'))
check(json.trials.size() == 3, "trials 0, 1 and the one that was killed, got ${json.trials.size()}")
check(json.counts.RUNNING == 0 && json.counts.FAIL == 1 && json.counts.COMPLETE == 2, "counts ${json.counts}")
def killed = json.trials.find { it.number == 2 }
check(killed.failReason?.startsWith('the forked JVM died (exit code 137) during the trial'),
        "the reason is stored: ${killed.failReason}")
return true
