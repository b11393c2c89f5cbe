// a toolchains.xml naming the JDK that runs this build, under a vendor no real JDK has, so that only it matches
def home = System.getProperty('java.home')
new File(basedir, 'toolchains.xml').text = """<?xml version="1.0" encoding="UTF-8"?>
<toolchains>
  <toolchain>
    <type>jdk</type>
    <provides>
      <version>17</version>
      <vendor>hpo-it</vendor>
    </provides>
    <configuration>
      <jdkHome>${home}</jdkHome>
    </configuration>
  </toolchain>
</toolchains>
"""
return true
