import java.sql.DriverManager

def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/hpo')
def props(File f) { def p = new Properties(); f.withReader('UTF-8') { p.load(it) }; p }
def check(ok, String what) { if (!ok) throw new AssertionError(what) }

// the URL the builds got as -Dhpo.storage (written by the it module's StartPostgres)
String url = props(new File(basedir, '../../postgres/build.properties')).getProperty('hpo.storage')
check(url ==~ /jdbc:postgresql:\/\/localhost:\d+\/hpo_it\?user=postgres/, "storage URL $url")

// first build: trials #0..#5; second build, after mvn clean: #6..#11, numbered by the database
// (a line names the trial number only when it differs from the build's own count)
check(log.count('[hpo] PostgresTuning.bowl trial ') == 12, 'six trial lines per build')
check(log =~ /\[hpo\] PostgresTuning\.bowl trial 6\/6 +value .* \(#[0-5]\)/, 'the first build ran trials 0..5')
check(log.contains('[hpo] PostgresTuning.bowl trial 1/6 #6'), 'the second build resumes at trial 6')
check(log.contains('[hpo] PostgresTuning.bowl trial 6/6 #11'), 'the second build ends at trial 11')
check(log.count("hpo: 1 study in $url") == 2, 'both builds read the study back from PostgreSQL')
check(log =~ /PostgresTuning\.bowl\s+minimize\s+\S+\s+#\d+\s+12\s+0\s+0/, 'summary row: 12 complete, 0 pruned, 0 failed')
check(!new File(out, 'studies.log').exists(), 'no journal file: the study lives in the database only')

def p = props(new File(out, 'best-params.properties'))
check(p.stringPropertyNames() == ['PostgresTuning.bowl.x', 'PostgresTuning.bowl.k', 'PostgresTuning.bowl.value',
        'PostgresTuning.bowl.trial'] as Set, "properties keys: ${p.stringPropertyNames()}")
double x = p.getProperty('PostgresTuning.bowl.x') as double
int k = p.getProperty('PostgresTuning.bowl.k') as int
double v = p.getProperty('PostgresTuning.bowl.value') as double
check(Math.abs((x - 1) * (x - 1) + (k + 2) * (k + 2) - v) < 1e-9, "value $v is the objective at x=$x, k=$k")
check((p.getProperty('PostgresTuning.bowl.trial') as int) in 0..11, 'best trial number')
// the best trial's file came from the database, whichever build made it (the second started after mvn clean)
check(new File(out, 'best/PostgresTuning.bowl/model.txt').text == "trial ${p.getProperty('PostgresTuning.bowl.trial')}",
        'the best trial\'s artifact, from the database')
check(!new File(out, 'artifacts').exists(), 'no artifact directory: the files live in the database')
check(new File(out, 'report.html').text.contains('PostgresTuning.bowl'), 'report.html names the study')
def json = new groovy.json.JsonSlurper().parse(new File(out, 'PostgresTuning.bowl.json'))
check(json.trials.size() == 12, "json has 12 trials, got ${json.trials.size()}")
check(json.trials*.number.sort() == (0..11).toList(), "trial numbers ${json.trials*.number}")

// the database itself, through the driver on the it module's test class path
def connection = new org.postgresql.Driver().connect(url, new Properties())
try {
    def rs = connection.createStatement().executeQuery(
            "SELECT count(*), min(t.trial_number), max(t.trial_number), count(DISTINCT t.trial_number)"
            + " FROM hpo_trials t JOIN hpo_studies s ON s.study_id = t.study_id"
            + " WHERE s.study_name = 'PostgresTuning.bowl' AND t.trial_state = 'COMPLETE'")
    rs.next()
    def row = [rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)]
    check(row == [12, 0, 11, 12], "hpo_trials rows (count, min, max, distinct numbers): $row")
    rs = connection.createStatement().executeQuery(
            "SELECT count(*) FROM hpo_trial_params p JOIN hpo_trials t ON t.trial_id = p.trial_id")
    rs.next()
    check(rs.getInt(1) == 24, "hpo_trial_params rows: two per trial, got ${rs.getInt(1)}")
    rs = connection.createStatement().executeQuery("SELECT count(*) FROM hpo_artifacts")
    rs.next()
    check(rs.getInt(1) == 12, "hpo_artifacts rows: one per trial, got ${rs.getInt(1)}")
} finally {
    connection.close()
}
return true
