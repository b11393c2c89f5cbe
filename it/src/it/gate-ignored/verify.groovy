def log = new File(basedir, 'build.log').text
def check(ok, String what) { if (!ok) throw new AssertionError(what) }

check(log =~ /\[ERROR\] study GateTuning\.bowl: best \S+ \(trial \d+\) missed threshold -1\.0 \(minimize\)/, 'the miss is logged')
check(log.contains('(maven.test.failure.ignore=true: not failing the build;'), 'the log says why the build passes')
check(log.contains('BUILD SUCCESS'), 'build passed')
def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/hpo-reports/TEST-hpo.xml'))
check(junit.@failures == '1', "the CI server still sees the failed case: ${junit.attributes()}")
return true
