package com.interactionledger.ledger.sealing;

import com.interactionledger.contracts.privacy.PersonalData;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a record's personal data sits in its JSON: the {@link PersonalData} components, followed into nested records
 * and lists of records. Worked out once per class by reflection on the record's components.
 */
final class PersonalFields {

    /** A JSON property of the record: personal text itself, or a nested record (or list of them) holding some. */
    record Field(String name, boolean text, boolean list, PersonalFields nested) {
    }

    private static final Map<Class<?>, PersonalFields> BY_CLASS = new ConcurrentHashMap<>();
    private static final PersonalFields NONE = new PersonalFields(List.of());

    private final List<Field> fields;

    private PersonalFields(List<Field> fields) {
        this.fields = fields;
    }

    static PersonalFields of(Class<?> type) {
        // Not computeIfAbsent: analysing a record analyses its nested records, and a ConcurrentHashMap must not be
        // updated from inside its own computeIfAbsent ("Recursive update" when the keys share a bin). Two threads
        // may analyse the same class at once; they find the same fields, and the first stored wins.
        PersonalFields known = BY_CLASS.get(type);
        if (known != null) {
            return known;
        }
        PersonalFields analysed = analyse(type);
        PersonalFields raced = BY_CLASS.putIfAbsent(type, analysed);
        return raced != null ? raced : analysed;
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    List<Field> fields() {
        return fields;
    }

    private static PersonalFields analyse(Class<?> type) {
        if (!type.isRecord()) {
            return NONE;
        }
        List<Field> found = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (!component.isAnnotationPresent(PersonalData.class)) {
                continue;
            }
            if (component.getType() == String.class) {
                found.add(new Field(component.getName(), true, false, NONE));
                continue;
            }
            boolean list = List.class.isAssignableFrom(component.getType());
            Class<?> element = list ? elementOf(component) : component.getType();
            PersonalFields nested = element == null ? NONE : of(element);
            if (nested.isEmpty()) {
                throw new IllegalStateException(type.getName() + "." + component.getName() + " is marked @PersonalData"
                        + " but is neither a String nor a record (or list of records) with @PersonalData components");
            }
            found.add(new Field(component.getName(), false, list, nested));
        }
        return found.isEmpty() ? NONE : new PersonalFields(List.copyOf(found));
    }

    private static Class<?> elementOf(RecordComponent component) {
        Type generic = component.getGenericType();
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }
}
