def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/hpo')
def props(File f) { def p = new Properties(); f.withReader('UTF-8') { p.load(it) }; p }
def check(ok, String what) { if (!ok) throw new AssertionError(what) }

check(new File(out, 'studies.log').isFile(), 'default journal storage')
def json = new groovy.json.JsonSlurper().parse(new File(out, 'ResumeTuning.bowl.json'))
check(json.trials.size() == 12, "two builds of 6 trials: 12 trials, got ${json.trials.size()}")
check(json.trials*.number.sort() == (0..11).toList(), "trial numbers ${json.trials*.number}")
check(log.contains('[hpo] ResumeTuning.bowl trial 6/6 #11'), 'the second build continues at trial 11')
// same seed in both builds: the second must draw new points, not the first build's start-up trials again
def byNumber = json.trials.sort { it.number }
def firstBuild = byNumber.take(6)*.params as Set
byNumber.drop(6).each { check(!firstBuild.contains(it.params), "trial ${it.number} repeats ${it.params}") }
return true
