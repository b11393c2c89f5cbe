def log = new File(basedir, 'build.log').text
def check(ok, String what) { if (!ok) throw new AssertionError(what) }

def home = new File(System.getProperty('java.home')).canonicalPath
check(log =~ /hpo: the forked JVM is \S+, from the build's JDK toolchain \(JDK\[/, 'the goal says it forks the toolchain JDK')
check(log =~ /hpo: the forked JVM is \S+, from the toolchain jdkToolchain asks for \(JDK\[/, 'and the jdkToolchain one')
check(log.contains('no JDK toolchain matches jdkToolchain {vendor=nobody}'), 'requirements nothing meets are named')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/hpo/ToolchainTuning.bowl.json'))
check(json.trials.size() == 3, "three trials: ${json.trials.size()}")
check(json.trials.every { new File(it.userAttrs['java.home']).canonicalPath == home },
        "every trial ran on the toolchain's JDK ${home}: ${json.trials*.userAttrs}")
def dataset = new File(basedir, 'data sets/digits').path
check(json.trials.every { it.userAttrs.dataset == dataset && it.userAttrs.region == 'eu-west' },
        "systemPropertyVariables (over argLine's -D) and environmentVariables reached the fork:"
        + " ${json.trials*.userAttrs}")
check(json.trials.every { it.userAttrs.assertions == true }, "assertions are on, as under surefire")
check(json.trials.every { it.userAttrs.marker.endsWith('/extra/marker.txt') && it.userAttrs.apiguardian == false },
        "additionalClasspathElements added extra/, classpathDependencyExcludes removed apiguardian:"
        + " ${json.trials*.userAttrs}")
check(json.trials*.userAttrs*.calls == [1, 2, 3],
        "configurationParameters made the lifecycle per-class: one instance for the trials: ${json.trials*.userAttrs}")
return true
