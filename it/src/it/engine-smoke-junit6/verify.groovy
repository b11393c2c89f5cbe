// Checks both invocations of invoker.properties (see there).
def reports = new File(basedir, 'target/surefire-reports')

// every objective ran exactly once per selection, at the middle of its ranges (smoke mode, no storage)
def calls = new File(basedir, 'target/objective-calls.txt').readLines()
assert calls == ['bowl x=1.0 k=5', 'score rate=0.01 rule=gini kernel=RBF shuffle=false', 'bowl x=1.0 k=5'] :
        "objective calls: ${calls}"

// the Jupiter tests of the first run passed beside the objectives; surefire names a test with parameters by its
// method and their types
def jupiter = new File(reports, 'TEST-sample.CalculatorTest.xml').text
assert jupiter.contains('tests="3" errors="0" skipped="0" failures="0"')
assert jupiter.contains('<testcase name="reports(TestInfo, TestReporter)" classname="sample.CalculatorTest"') : jupiter

// the second run selected one objective by method name; surefire reports it under its class, by its method and
// parameter types as it reports the Jupiter test with parameters
def tuning = new File(reports, 'TEST-sample.TuningTest.xml').text
assert tuning.contains('name="sample.TuningTest"')
assert tuning.contains('tests="1" errors="0" skipped="0" failures="0"')
assert tuning.contains('<testcase name="bowl(double, int)" classname="sample.TuningTest"') : tuning

// on the JUnit Platform version the project declares
assert tuning.contains('junit-platform-engine-6.1.3.jar')

// of several conditions that disable a method or a @Nested class, the first declared gives the reason, for the
// objectives as for their Jupiter twins (the engine's own order asked the JRE first); a disabled class is skipped as
// a whole by both engines, and surefire lists each test of it as skipped with the class's reason: the same skips,
// with the same messages, for both engines; only the enabled objective ran
def conditionCalls = new File(basedir, 'target/conditions-calls.txt').readLines()
assert conditionCalls == ['always x=0.5'] : "conditions calls: ${conditionCalls}"
def skips = { String name ->
    def xml = new File(reports, "TEST-sample.${name}.xml").text
    def suite = (xml =~ /<testsuite [^>]*tests="(\d+)"[^>]*skipped="(\d+)"/)[0]
    [tests: suite[1], skipped: suite[2], messages: (xml =~ /<skipped message="([^"]*)"/).collect { it[1] }.sort()]
}
def jupiterSkips = skips('ConditionsJupiterTest')
assert jupiterSkips.messages == ['class: if, declared first', 'method: if, declared first'] : jupiterSkips
assert skips('ConditionsTuningTest') == jupiterSkips : "hpo ${skips('ConditionsTuningTest')} vs Jupiter ${jupiterSkips}"

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.contains('hpo.trial') : 'smoke runs print no per-trial lines'
return true
