package org.fmishare.core.json.internal;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads every string of the model and refuses a lone surrogate (RFC 7493, I-JSON). Signing canonicalises with the
 * I-JSON rules, so without this check a document read, rendered and validated as PASS would only fail when signed;
 * with it, every reader of the codec (validate, sign, render, receivers) refuses the same input the same way. Not API.
 */
public final class IJsonStringDeserializer extends ValueDeserializer<String> {
    /** The message the codec reports for a string with a lone surrogate. */
    public static final String LONE_SURROGATE = "contains a lone surrogate (not I-JSON, RFC 7493), at character ";

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (String) ctxt.handleUnexpectedToken(String.class, p);
        }
        String text = p.getString();
        int bad = loneSurrogate(text);
        if (bad >= 0) {
            return (String) ctxt.handleWeirdStringValue(String.class, text, LONE_SURROGATE + bad);
        }
        return text;
    }

    /**
     * Finds the first lone surrogate.
     *
     * @param s the string
     * @return the index of the first unpaired surrogate, or -1
     */
    public static int loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return i;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
