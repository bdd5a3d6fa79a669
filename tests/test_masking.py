"""One masking rule for personal data in every staff list."""
from masking import mask_address, mask_contact, mask_id


def test_id_numbers_keep_region_and_last_four_only():
    assert mask_id("110105198005010011") == "110105********0011"
    assert mask_id("12345") == "*****"


def test_phones_and_email_are_masked_without_changing_length():
    assert mask_contact("13700001111") == "137****1111"
    assert mask_contact("02358001234") == "023****1234"
    assert mask_contact("someone@example.cn") == "s***@example.cn"
    assert mask_contact("12345") == "*****"


def test_addresses_keep_at_most_three_leading_characters_and_no_house_number_digit():
    assert mask_address("桐梓路15号") == "桐梓路****"
    assert mask_address("重庆市武隆区芙蓉路8号") == "重庆市****"
    assert mask_address("白马村3组12号") == "白马村****"
    assert mask_address("1栋2单元501室") == "****"
    assert mask_address("芙蓉路") == "***"
