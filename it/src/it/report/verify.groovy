def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/hpo')
def props(File f) { def p = new Properties(); f.withReader('UTF-8') { p.load(it) }; p }
def check(ok, String what) { if (!ok) throw new AssertionError(what) }

// a record parameter: its components are the study's parameters, named as the components
def forest = props(new File(out, 'best-params.properties'))
check(['trees', 'depth', 'split'].every { forest.containsKey('ForestTuning.accuracy.' + it) }
        && !forest.containsKey('ForestTuning.accuracy.forest'), 'the record\'s components in the properties: ' + forest)
check(log.count('[hpo] ForestTuning.accuracy trial') == 3, 'three trials of the record objective')

def rebuilt = new File(basedir, 'target/rebuilt')
check(props(new File(rebuilt, 'best-params.properties')) == props(new File(out, 'best-params.properties')),
        'rebuilt properties equal the optimize build\'s')
check(new File(rebuilt, 'report.html').isFile(), 'report rebuilt')
def json = new groovy.json.JsonSlurper().parse(new File(rebuilt, 'ReportTuning.bowl.json'))
check(json.trials.size() == 4, 'the report ran no trial')
check(log.count('[hpo] ReportTuning.bowl trial') == 4, 'trial lines only from the optimize build')
check(json.trials.every { it.state == 'COMPLETE' }, 'every trial completed, so the fork ran @BeforeAll and @BeforeEach')
check(log.contains('hpo: not run: ReportTuning.slow: never in CI'), 'the disabled objective is named in the log')
check(!new File(out, 'ReportTuning.slow.json').exists(), 'the disabled objective has no study')
check(log.contains('hpo: not run: ReportTuning.gpu: System property [sample.gpu] does not exist'),
        'Jupiter\'s conditions are honoured and named too')

// every trial's artifact is in the store; the best trial's is handed on by both goals
check(new File(basedir, 'target/hpo/artifacts').listFiles().size() == 4, 'one artifact per trial')
def best = props(new File(out, 'best-params.properties'))
def model = "trained at x=${best['ReportTuning.bowl.x']}, y=${best['ReportTuning.bowl.y']}"
check(new File(out, 'best/ReportTuning.bowl/model.txt').text == model, 'the best trial\'s model: ' + model)
check(new File(rebuilt, 'best/ReportTuning.bowl/model.txt').text == model, 'hpo:report copies it too')
check(log.contains("hpo: ReportTuning.bowl: best trial #${best['ReportTuning.bowl.trial']}'s artifacts (1 file) copied to"),
        'the log says where the best model is')

// Jupiter's TestReporter and @TempDir in the fork: a line per entry, every trial's directory gone afterwards
check(log.count('[hpo] bowl()[') == 4 && log.contains(': scale = 1.0 for bowl()[0] x='), 'the entries the objective published')
def dirs = new File(basedir, 'target/tempdirs.txt').readLines()
check(dirs.size() == 4 && dirs.toSet().size() == 4, 'a directory per trial: ' + dirs)
check(dirs.every { !new File(it).exists() }, 'each deleted after its trial')
// a multi-objective objective (two directions, double[]): its values on each line, its Pareto front's trial numbers
// in the properties and the JSON, its metrics on the report's Pareto front plot
check(log.contains('[hpo] TradeOffTuning.tradeOff trial 1/6  values '), 'the trade-off\'s lines show both values')
check(log =~ /TradeOffTuning\.tradeOff\s+minimize,minimize\s+6 on Pareto front, \d reach(es)? the thresholds\s+#\d+/,
        'the summary table counts its front and names the first trial that reaches both thresholds')
check(best['TradeOffTuning.tradeOff.pareto'] == (0..11).join(','), 'every trial of a strict trade-off (6 a build, two'
        + ' builds) is on the front: ' + best['TradeOffTuning.tradeOff.pareto'])
def tradeOff = new groovy.json.JsonSlurper().parse(new File(out, 'TradeOffTuning.tradeOff.json'))
check(tradeOff.directions == ['MINIMIZE', 'MINIMIZE'] && tradeOff.metricNames == ['error', 'cost'], 'directions, metrics')
check(tradeOff.trials.every { it.values.size() == 2 && it.values[1] == it.params.x }, 'each trial keeps both values')
def gate = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/hpo-reports/TEST-hpo.xml'))
def tradeOffCase = gate.testcase.find { it.@name.text().contains('TradeOffTuning') }
check(gate.@failures == '0' && tradeOffCase.'system-out'.text().contains('thresholds error ≤ 0.3, cost ≤ 0.9'),
        "a trial reaches both thresholds, and the gate's report says which: ${tradeOffCase}")
def html = new File(out, 'report.html').text
check(html.contains('Pareto front of TradeOffTuning.tradeOff') && html.contains('error (minimize)'), 'its Pareto plot')
check(html.contains('>threshold 0.3<') && html.contains('>threshold 0.9<'), 'with its thresholds as lines')
// the second build ran the trade-off alone: every study of the project is still in the outputs, read from the storage,
// and only the study it ran is judged; the filter's unknown name failed it, with the objectives there are
check(tradeOff.trials.size() == 12 && json.trials.size() == 4, 'the trade-off ran again, the bowl did not')
check(['ReportTuning.bowl.value', 'ForestTuning.accuracy.value', 'TradeOffTuning.tradeOff.pareto'].every {
    best.containsKey(it) }, 'the properties keep every study: ' + best.keySet())
check(['ReportTuning.bowl', 'ForestTuning.accuracy'].every { html.contains(it) }, 'and so does the report')
def kept = (log =~ /hpo: not run in this build, written from the storage as they are, their thresholds not judged/ +
        / again: (.*)/)
check(kept.find() && kept.group(1).strip().split(', ') as Set == ['ReportTuning.bowl', 'ForestTuning.accuracy'] as Set,
        'the log says which studies were kept and not judged')
check(gate.testcase.size() == 1, "TEST-hpo.xml judges the study this build ran: ${gate.testcase*.@name}")
def unknown = (log =~ /objectives \(hpo\.objectives\) names Nope\.x, which matches no objective of \S+; its/ +
        / objectives are (.*)/)
check(unknown.find() && ['ReportTuning.bowl', 'ForestTuning.accuracy', 'TradeOffTuning.tradeOff'].every {
    unknown.group(1).contains(it) }, 'the unknown name fails the build, listing the objectives')
return true
