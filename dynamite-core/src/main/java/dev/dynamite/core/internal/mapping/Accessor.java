package dev.dynamite.core.internal.mapping;

import dev.dynamite.meta.GeneratedField;
import java.lang.invoke.MethodHandle;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes one field of an entity, erased to {@code Object}: a {@link Draft}'s slot (a record or immutable
 * class), the code the processor generated, or method handles found by reflection. Only the last uses
 * {@code java.lang.invoke}, so a generated model builds its mapper without spinning a method handle form in a cold JVM.
 */
public abstract class Accessor {
    Accessor() {
    }

    /**
     * Reads the field.
     *
     * @param entity an entity or draft of the model
     * @return the field's value
     */
    public abstract @Nullable Object get(Object entity);

    /**
     * Writes the field.
     *
     * @param entity an entity or draft of the model
     * @param value a value of the field's type, boxed
     */
    public abstract void set(Object entity, @Nullable Object value);

    /** The getter as a handle {@code (Object)Object} that can be combined with others; null if there is none. */
    @Nullable MethodHandle getterHandle() {
        return null;
    }

    /**
     * Returns the accessor of a draft's slot.
     *
     * @param slot the component's index
     * @return the accessor
     */
    static Accessor slot(int slot) {
        return Slot.of(slot);
    }

    /**
     * Returns the accessor of a generated field: its generated getter, and its setter (a final field has none).
     *
     * @param field the generated field
     * @return the accessor
     */
    public static Accessor generated(GeneratedField field) {
        return Generated.of(field);
    }

    /**
     * Returns the accessor of handles found by reflection.
     *
     * @param getter {@code (Object)Object}
     * @param setter {@code (Object,Object)void}
     * @return the accessor
     */
    public static Accessor handles(MethodHandle getter, MethodHandle setter) {
        return Handles.of(getter, setter);
    }

    // Each kind is made by a factory of its own that returns an Accessor: the verifier of this class then has no
    // subclass to check, and a cold JVM loads only the kinds its models use.

    private static final class Slot extends Accessor {
        private final int slot;

        private Slot(int slot) {
            this.slot = slot;
        }

        static Accessor of(int slot) {
            return new Slot(slot);
        }

        @Override
        public @Nullable Object get(Object entity) {
            return ((Draft) entity).slots[slot];
        }

        @Override
        public void set(Object entity, @Nullable Object value) {
            ((Draft) entity).slots[slot] = value;
        }
    }

    private static final class Generated extends Accessor {
        private final Function<Object, @Nullable Object> getter;
        private final @Nullable BiConsumer<Object, @Nullable Object> setter;
        private final String name;

        private Generated(Function<Object, @Nullable Object> getter,
                          @Nullable BiConsumer<Object, @Nullable Object> setter, String name) {
            this.getter = getter;
            this.setter = setter;
            this.name = name;
        }

        static Accessor of(GeneratedField field) {
            return new Generated(field.getter(), field.setter(), field.name());
        }

        @Override
        public @Nullable Object get(Object entity) {
            return getter.apply(entity);
        }

        @Override
        public void set(Object entity, @Nullable Object value) {
            Objects.requireNonNull(setter, name).accept(entity, value);
        }
    }

    private static final class Handles extends Accessor {
        private final MethodHandle getter;
        private final MethodHandle setter;

        private Handles(MethodHandle getter, MethodHandle setter) {
            this.getter = getter;
            this.setter = setter;
        }

        static Accessor of(MethodHandle getter, MethodHandle setter) {
            return new Handles(getter, setter);
        }

        @Override
        public @Nullable Object get(Object entity) {
            try {
                return (Object) getter.invokeExact(entity);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("a field getter threw a checked exception", e);
            }
        }

        @Override
        public void set(Object entity, @Nullable Object value) {
            try {
                setter.invokeExact(entity, value);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("a field setter threw a checked exception", e);
            }
        }

        @Override
        MethodHandle getterHandle() {
            return getter;
        }
    }
}
