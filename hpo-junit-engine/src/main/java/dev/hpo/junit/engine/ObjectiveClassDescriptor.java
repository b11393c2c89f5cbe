package dev.hpo.junit.engine;

import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * A class with objectives: the container IDEs and surefire show, with the class's simple name as display name and
 * its full name as legacy reporting name (surefire's XML report names its test suite after it).
 */
final class ObjectiveClassDescriptor extends AbstractTestDescriptor implements Node<HpoExecutionContext> {

    static final String SEGMENT_TYPE = "class";

    private final Class<?> testClass;
    private final Set<TestTag> tags;

    ObjectiveClassDescriptor(UniqueId parentId, Class<?> testClass) {
        super(parentId.append(SEGMENT_TYPE, testClass.getName()), testClass.getSimpleName(),
                ClassSource.from(testClass));
        this.testClass = testClass;
        this.tags = JupiterTags.of(testClass);
    }

    Class<?> testClass() {
        return testClass;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public String getLegacyReportingName() {
        return testClass.getName();
    }

    @Override
    public Set<TestTag> getTags() {
        return tags;
    }
}
