def log = new File(basedir, 'build.log').text
def report = new File(basedir, 'target/hpo/report.html').text
def check(ok, String what) { if (!ok) throw new AssertionError(what) }

// seen by the trials: the page the goal redrew while they ran, with the trials finished so far
def seen = new File(basedir, 'target/live.txt').readLines().collect { it.split(' ') }
check(!seen.isEmpty() && seen.every { it[0] == 'running' }, 'a trial saw the running report: ' + seen)
def rows = seen.collect { it[1] as int }
check(rows.every { it in 0..9 } && rows == rows.sort(false) && rows.max() > 0,
        'it showed the trials completed so far, growing: ' + rows)
check(log.contains('shows the trials so far and reloads itself every 1 s until the study ends'), 'the log says so once')
check(log.count('reloads itself every') == 1, 'only once')

// the final report replaces it: no reload, every trial
check(!report.contains('http-equiv="refresh"') && !report.contains('<strong>running</strong>'), 'the final report is still')
def finalRows = new groovy.json.JsonSlurper().parseText(report.find(
        /(?s)<script type="application\/json" class="trials-data">(.*?)<\/script>/) { all, data -> data })
check(finalRows.size() == 10 && finalRows.every { it[2] == 'COMPLETE' },
        "the final report has all 10 trials: ${finalRows*.take(3)}")
check(!new File(basedir, 'target/hpo/.report.html.tmp').exists(), 'no temporary file is left')

// the file each trial published through Jupiter's TestReporter is its artifact; the best trial's is handed on
def best = new Properties()
new File(basedir, 'target/hpo/best-params.properties').withReader('UTF-8') { best.load(it) }
check(new File(basedir, 'target/hpo/best/SlowTuning.bowl/model.txt').text == "x=${best['SlowTuning.bowl.x']}",
        'the best trial\'s published model')
check(new File(basedir, 'target/hpo/artifacts').listFiles().size() == 10, 'one artifact per trial')
return true
