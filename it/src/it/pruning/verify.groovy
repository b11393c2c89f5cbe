def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/hpo')
def props(File f) { def p = new Properties(); f.withReader('UTF-8') { p.load(it) }; p }
def check(ok, String what) { if (!ok) throw new AssertionError(what) }

check(log =~ /\[hpo\] PruningTuning\.curve trial \d+\/24  pruned/, 'a pruned trial line')
def json = new groovy.json.JsonSlurper().parse(new File(out, 'PruningTuning.curve.json'))
def pruned = json.trials.count { it.state == 'PRUNED' }
def complete = json.trials.count { it.state == 'COMPLETE' }
check(pruned > 0 && complete > 0 && pruned + complete == 24, "24 trials, some pruned: $pruned pruned, $complete complete")
check(log =~ /PruningTuning\.curve\s+minimize\s+\S+\s+#\d+\s+$complete\s+$pruned\s+0/, 'table counts pruned trials')
def p = props(new File(out, 'best-params.properties'))
double rate = p.getProperty('PruningTuning.curve.rate') as double
check(rate >= 0 && rate <= 1, "best rate $rate written")
// the Wilcoxon pruner and patience (FoldsTuning): fold-by-fold pruning, then an early stop that the log explains
def folds = new groovy.json.JsonSlurper().parse(new File(out, 'FoldsTuning.folds.json'))
def foldsPruned = folds.trials.count { it.state == 'PRUNED' }
check(foldsPruned > folds.trials.size() / 2, "most fold trials pruned: $foldsPruned of ${folds.trials.size()}")
def best = folds.trials.find { it.number == folds.bestTrial }
check(best.intermediateValues.size() == 10, "the best trial saw every fold: ${best.intermediateValues}")
check(folds.trials.size() < 60 && log.contains('[hpo] FoldsTuning.folds stopped early: 10 finished trials without a new best value'),
        "patience stopped the study after ${folds.trials.size()} of 60 trials, and the log says why")
// the terminator (CrossValidationTuning): stops once the bound on the improvement is below the folds' spread
def cv = new groovy.json.JsonSlurper().parse(new File(out, 'CrossValidationTuning.folds.json'))
def stopLine = log =~ /\[hpo\] CrossValidationTuning\.folds stopped early: after (\d+) completed trials the improvement still possible \(at most \S+\) is below the error of the values \(\S+\)/
check(stopLine.find() && (stopLine.group(1) as int) == cv.trials.size() && cv.trials.size() >= 20 && cv.trials.size() < 150,
        "the terminator stopped the study after ${cv.trials.size()} of 150 trials, and the log says why")
check(new File(out, 'report.html').text.contains('data-plot="terminator"'), 'the report draws the terminator')
check(cv.terminator.size() == cv.trials.size() - 19 && cv.terminator[-1].improvement < cv.terminator[-1].error,
        "the JSON has a judgement after every trial from the 20th, the last one the stop: ${cv.terminator[-1]}")
// a sampler and a pruner of the project's own, named by class: trial n at rate n/10, pruned at step 3 above 0.5
def own = new groovy.json.JsonSlurper().parse(new File(out, 'OwnComponentsTuning.curve.json'))
check(own.trials.collect { it.params.rate } == (0..9).collect { it / 10.0 }, "the walk: ${own.trials*.params}")
check(own.trials.every { (it.state == 'PRUNED') == (it.params.rate > 0.5) }, "pruned above 0.5: ${own.trials*.state}")
check(own.trials.findAll { it.state == 'PRUNED' }.every { it.intermediateValues.size() == 4 }, 'pruned at step 3')
return true
