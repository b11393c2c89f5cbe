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
// the enqueued baseline ran first, in the first build only
check(byNumber[0].params == [x: 0.0, y: 0.0], "trial 0 is the @Enqueue baseline: ${byNumber[0].params}")
check(json.trials.count { it.params == [x: 0.0, y: 0.0] } == 1, 'the baseline is evaluated once in two builds')
check(log.contains('[hpo] ResumeTuning.bowl trial 1/6  value 5.000  best 5.000 (#0)  (enqueued)'), 'its log line')
// the report's trials are JSON rows [flags, number, state, ...]; flag 2 marks an enqueued trial
def rows = new groovy.json.JsonSlurper().parseText(new File(out, 'report.html').text.find(
        /(?s)<script type="application\/json" class="trials-data">(.*?)<\/script>/) { all, data -> data })
check(rows.findAll { (it[0] & 2) == 2 }*.getAt(1) == [0], "the report marks it: ${rows*.take(3)}")

// what the objective prints: in the log in the first build, in target/hpo-reports/hpo-output.txt in the second
def builds = log.split(/BUILD SUCCESS/)
check(builds[0].count('evaluating the bowl at') == 6, 'the first build logs the objective\'s output')
check(builds[1].count('evaluating the bowl at') == 0, 'the second build redirects it')
def printed = new File(basedir, 'target/hpo-reports/hpo-output.txt')
check(printed.readLines().size() == 6 && printed.readLines().every { it.startsWith('evaluating the bowl at') },
        "the second build's six lines are in the file: ${printed.readLines()}")
check(builds[1] =~ /hpo: the objectives' output \(6 lines\) is in \S*hpo-output\.txt/, 'and the log says where')
check(builds[1].count('[hpo] ResumeTuning.bowl trial') == 6, 'hpo\'s own lines stay in the log')

// hpo:studies lists the study with its 12 trials; hpo:delete-study refuses without a name, then deletes it
// (hpo:optimize's line goes on with "; wrote …", hpo:studies' ends at the storage, then its table follows)
check(log =~ /(?m)hpo: 1 study in journal:\S*studies\.log\r?\n.*\r?\n.*ResumeTuning\.bowl\s+minimize\s+\S+\s+#\d+\s+12\s+0\s+0/,
        'hpo:studies lists the study: 12 complete, 0 pruned, 0 failed')
check(log.contains('hpo:delete-study needs the studies to delete: -Dhpo.objectives=<study>'), 'no name, no deletion')
check(log =~ /hpo: deleted study ResumeTuning\.bowl \(12 trials\) from journal:/, 'deleted with its 12 trials')
check(log =~ /hpo: storage journal:.*studies\.log has no study/, 'hpo:studies after the deletion')
return true
