package dev.dynamite.it;

import java.lang.reflect.RecordComponent;

/** Reads a test entity's field or record component by name, so that one suite can run on both kinds of model. */
final class Fields {
    private Fields() {
    }

    static Object get(Object entity, String field) {
        try {
            if (entity.getClass().isRecord()) {
                for (RecordComponent component : entity.getClass().getRecordComponents()) {
                    if (component.getName().equals(field)) {
                        return component.getAccessor().invoke(entity);
                    }
                }
                throw new IllegalArgumentException(entity.getClass().getName() + " has no component " + field);
            }
            return entity.getClass().getField(field).get(entity);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
