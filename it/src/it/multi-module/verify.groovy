def log = new File(basedir, 'build.log').text
def check(ok, String what) { if (!ok) throw new AssertionError(what) }

check(log.contains('hpo: skipped: multi-module has packaging pom'), 'the parent is skipped, saying why')
check(log.contains('[hpo] ModuleTuning.bowl trial 4/4'), 'the module ran its study')
def journal = new File(basedir, 'tuning/target/hpo/relative.log')
check(journal.isFile(), "the relative journal path is the module's: ${journal}")
check(!new File(basedir, 'target/hpo/relative.log').exists(), 'nothing was written under the root')
def props = new Properties()
new File(basedir, 'tuning/target/hpo/best-params.properties').withReader('UTF-8') { props.load(it) }
check(props.getProperty('ModuleTuning.bowl.trial') != null, "the goal read the module's study back: $props")
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'tuning/target/hpo/ModuleTuning.bowl.json'))
check(json.trials.size() == 4, "four trials in the study the goal read: ${json.trials.size()}")
check(log.contains('[hpo] SharedTuning.bowl trial 3/3'), "the objectives jar's study ran in the tuning module")
check(props.getProperty('SharedTuning.bowl.k') != null, "and is among its best parameters: $props")
check(log.contains('hpo: skipped (hpo.skip=true)'), 'the objectives module itself skips the goal')
return true
