package dev.dynamite.core.internal.model;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The declared methods of a class in source order. {@link Class#getDeclaredMethods()} promises no order (HotSpot's
 * differs from the source), but hooks run in declaration order, and javac writes methods to the class file in that
 * order; so the class file's method table is read. A class whose bytes cannot be read (one defined at run time) falls
 * back to name order.
 */
final class DeclarationOrder {
    private DeclarationOrder() {
    }

    static List<Method> methods(Class<?> type) {
        Method[] declared = type.getDeclaredMethods();
        Map<String, Method> bySignature = new HashMap<>();
        for (Method method : declared) {
            bySignature.put(method.getName() + descriptor(method), method);
        }
        List<String> order = classFileOrder(type);
        List<Method> sorted = new ArrayList<>(declared.length);
        if (order != null) {
            for (String signature : order) {
                Method method = bySignature.remove(signature);
                if (method != null) {
                    sorted.add(method);
                }
            }
        }
        List<Method> rest = new ArrayList<>(bySignature.values());
        rest.sort(Comparator.comparing(Method::getName).thenComparing(m -> Arrays.toString(m.getParameterTypes())));
        sorted.addAll(rest);
        return sorted;
    }

    /** The name + descriptor of each method in the class file, in order; null if the bytes are not available. */
    private static @Nullable List<String> classFileOrder(Class<?> type) {
        String name = type.getName();
        try (InputStream in = type.getResourceAsStream(name.substring(name.lastIndexOf('.') + 1) + ".class")) {
            if (in == null) {
                return null;
            }
            return readMethods(new DataInputStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file of " + name, e);
        }
    }

    private static List<String> readMethods(DataInputStream in) throws IOException {
        in.readInt();                         // magic
        in.readInt();                         // minor, major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++;                      // longs and doubles take two entries
                }
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        in.skipNBytes(6);                     // access, this, super
        in.skipNBytes(2L * in.readUnsignedShort());   // interfaces
        skipMembers(in);                      // fields
        int methods = in.readUnsignedShort();
        List<String> order = new ArrayList<>(methods);
        for (int i = 0; i < methods; i++) {
            in.skipNBytes(2);
            String methodName = utf8[in.readUnsignedShort()];
            String descriptor = utf8[in.readUnsignedShort()];
            order.add(methodName + descriptor);
            skipAttributes(in);
        }
        return order;
    }

    private static void skipMembers(DataInputStream in) throws IOException {
        int members = in.readUnsignedShort();
        for (int i = 0; i < members; i++) {
            in.skipNBytes(6);
            skipAttributes(in);
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int i = 0; i < attributes; i++) {
            in.skipNBytes(2);
            in.skipNBytes(Integer.toUnsignedLong(in.readInt()));
        }
    }

    private static String descriptor(Method method) {
        StringBuilder out = new StringBuilder("(");
        for (Class<?> parameter : method.getParameterTypes()) {
            out.append(parameter.descriptorString());
        }
        return out.append(')').append(method.getReturnType().descriptorString()).toString();
    }
}
