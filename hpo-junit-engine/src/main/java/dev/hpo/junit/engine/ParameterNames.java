package dev.hpo.junit.engine;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Optional;

/**
 * The source names of a method's parameters, which become the study's parameter names. Reflection has them when
 * the class was compiled with {@code -parameters}; Maven's compiler does not pass that flag by default but does
 * compile with debug information ({@code -g}), so otherwise the names are read from the method's
 * {@code LocalVariableTable} in the class file (the way Spring and Micronaut find them).
 */
final class ParameterNames {

    private ParameterNames() {
    }

    /** The names in declaration order, or empty when the class file carries none. */
    static Optional<String[]> of(Method method) {
        Parameter[] parameters = method.getParameters();
        if (parameters.length == 0 || parameters[0].isNamePresent()) {
            return Optional.of(Arrays.stream(parameters).map(Parameter::getName).toArray(String[]::new));
        }
        return fromLocalVariableTable(method);
    }

    private static Optional<String[]> fromLocalVariableTable(Method method) {
        Class<?> type = method.getDeclaringClass();
        String resource = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return new ClassFileReader(new DataInputStream(in), method).parameterNames();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file of " + type.getName(), e);
        }
    }

    /** JVM descriptor of a method, {@code (IDLjava/lang/String;)D}, to find it in the class file. */
    static String descriptor(Method method) {
        StringBuilder sb = new StringBuilder("(");
        for (Class<?> p : method.getParameterTypes()) {
            sb.append(descriptor(p));
        }
        return sb.append(')').append(descriptor(method.getReturnType())).toString();
    }

    private static String descriptor(Class<?> type) {
        if (type.isArray()) {
            return type.getName().replace('.', '/');
        }
        if (!type.isPrimitive()) {
            return "L" + type.getName().replace('.', '/') + ";";
        }
        if (type == int.class) return "I";
        if (type == long.class) return "J";
        if (type == double.class) return "D";
        if (type == float.class) return "F";
        if (type == boolean.class) return "Z";
        if (type == byte.class) return "B";
        if (type == char.class) return "C";
        if (type == short.class) return "S";
        return "V";
    }

    /** Reads just enough of a class file (JVMS chapter 4) to reach one method's local variable table. */
    private static final class ClassFileReader {
        private final DataInputStream in;
        private final Method method;
        private String[] utf8;

        ClassFileReader(DataInputStream in, Method method) {
            this.in = in;
            this.method = method;
        }

        Optional<String[]> parameterNames() throws IOException {
            in.readInt(); // magic
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            readConstantPool();
            in.skipNBytes(6); // access, this, super
            in.skipNBytes(2 * in.readUnsignedShort()); // interfaces
            int fields = in.readUnsignedShort();
            for (int i = 0; i < fields; i++) {
                in.skipNBytes(6);
                skipAttributes();
            }
            String wantedName = method.getName();
            String wantedDescriptor = descriptor(method);
            int methods = in.readUnsignedShort();
            for (int i = 0; i < methods; i++) {
                in.readUnsignedShort(); // access
                String name = utf8[in.readUnsignedShort()];
                String desc = utf8[in.readUnsignedShort()];
                if (name.equals(wantedName) && desc.equals(wantedDescriptor)) {
                    return readCodeAttribute();
                }
                skipAttributes();
            }
            return Optional.empty();
        }

        private void readConstantPool() throws IOException {
            int count = in.readUnsignedShort();
            utf8 = new String[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        i++; // longs and doubles take two entries
                    }
                    case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                    case 15 -> in.skipNBytes(3);
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
        }

        private void skipAttributes() throws IOException {
            int count = in.readUnsignedShort();
            for (int i = 0; i < count; i++) {
                in.skipNBytes(2);
                in.skipNBytes(in.readInt());
            }
        }

        private Optional<String[]> readCodeAttribute() throws IOException {
            int count = in.readUnsignedShort();
            for (int i = 0; i < count; i++) {
                String name = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                if (!name.equals("Code")) {
                    in.skipNBytes(length);
                    continue;
                }
                in.skipNBytes(4); // max stack, max locals
                in.skipNBytes(in.readInt()); // code
                in.skipNBytes(8 * in.readUnsignedShort()); // exception table
                int codeAttributes = in.readUnsignedShort();
                for (int k = 0; k < codeAttributes; k++) {
                    String attribute = utf8[in.readUnsignedShort()];
                    int attributeLength = in.readInt();
                    if (attribute.equals("LocalVariableTable")) {
                        return readLocalVariableTable();
                    }
                    in.skipNBytes(attributeLength);
                }
            }
            return Optional.empty();
        }

        private Optional<String[]> readLocalVariableTable() throws IOException {
            Class<?>[] types = method.getParameterTypes();
            int[] slots = new int[types.length];
            int slot = Modifier.isStatic(method.getModifiers()) ? 0 : 1;
            for (int i = 0; i < types.length; i++) {
                slots[i] = slot;
                slot += types[i] == long.class || types[i] == double.class ? 2 : 1;
            }
            String[] names = new String[types.length];
            int entries = in.readUnsignedShort();
            for (int e = 0; e < entries; e++) {
                int startPc = in.readUnsignedShort();
                in.readUnsignedShort(); // length
                String name = utf8[in.readUnsignedShort()];
                in.readUnsignedShort(); // descriptor
                int index = in.readUnsignedShort();
                for (int i = 0; i < slots.length; i++) {
                    if (startPc == 0 && slots[i] == index) {
                        names[i] = name;
                    }
                }
            }
            for (String n : names) {
                if (n == null) {
                    return Optional.empty();
                }
            }
            return Optional.of(names);
        }
    }
}
