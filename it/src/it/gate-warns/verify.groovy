def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/hpo')
def props(File f) { def p = new Properties(); f.withReader('UTF-8') { p.load(it) }; p }
def check(ok, String what) { if (!ok) throw new AssertionError(what) }

check(log =~ /\[WARNING\] study WarnTuning\.bowl: best \S+ \(trial \d+\) missed threshold -1\.0 \(minimize\)/, 'warning')
check(log.contains('BUILD SUCCESS'), 'build passed')
check(props(new File(out, 'best-params.properties')).getProperty('WarnTuning.bowl.value') != null, 'best value written')
return true
