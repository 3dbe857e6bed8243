package app.smsdesk.gateway.service;

import app.smsdesk.gateway.domain.ValidationException;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Reads recipient numbers with libphonenumber: valid, mobile-capable, written back in E.164. */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * Normalises one number; numbers without {@code +} are read in {@code defaultRegion}.
     *
     * @param field the request field named in the error, e.g. {@code phoneNumbers[0]}
     */
    public static String normalize(String field, String raw, String defaultRegion) {
        PhoneNumber number;
        try {
            number = UTIL.parse(raw, defaultRegion);
        } catch (NumberParseException e) {
            throw new ValidationException(field + ": failed to parse phone number '" + raw + "'");
        }
        if (!UTIL.isValidNumber(number)) {
            throw new ValidationException(field + ": invalid phone number '" + raw + "' (read with default region "
                    + defaultRegion + "; use +country code or skipPhoneValidation=true)");
        }
        PhoneNumberType type = UTIL.getNumberType(number);
        if (type != PhoneNumberType.MOBILE && type != PhoneNumberType.FIXED_LINE_OR_MOBILE) {
            throw new ValidationException(field + ": not mobile phone number '" + raw + "'");
        }
        return UTIL.format(number, PhoneNumberFormat.E164);
    }

    public static boolean isSupportedRegion(String region) {
        return UTIL.getSupportedRegions().contains(region);
    }
}
