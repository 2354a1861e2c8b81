package kz.zhilyego.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhonesTest {

	@Test
	void normalisesKazakhNumbersWrittenInTheUsualWaysToE164() {
		assertThat(Phones.normalize("+7 701 234 56 78")).hasValue("+77012345678");
		assertThat(Phones.normalize("8 (701) 234-56-78")).hasValue("+77012345678");
		assertThat(Phones.normalize("7012345678")).hasValue("+77012345678");
	}

	@Test
	void rejectsTextThatIsNotAPhoneNumber() {
		assertThat(Phones.normalize("user@demo.zhilyego.kz")).isEmpty();
		assertThat(Phones.normalize("12")).isEmpty();
		assertThat(Phones.normalize("")).isEmpty();
	}

}
