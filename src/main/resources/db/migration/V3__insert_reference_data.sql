-- Reference data needed in every environment. Adding a city or a district is a new migration
-- (or an admin action later), never a code change.

insert into cities (slug, name_ru, name_kk, name_en, time_zone, position)
values ('astana', 'Астана', 'Астана', 'Astana', 'Asia/Almaty', 1);

insert into districts (city_id, slug, name_ru, name_kk, name_en, valid_from, position)
select c.id, d.slug, d.name_ru, d.name_kk, d.name_en, d.valid_from::date, d.position
from cities c
cross join (values
    ('almaty',    'Алматинский',   'Алматы',   'Almaty',    '1998-01-01', 1),
    ('baikonur',  'Байконурский',  'Байқоңыр', 'Baikonur',  '2018-01-01', 2),
    ('esil',      'Есильский',     'Есіл',     'Esil',      '2008-01-01', 3),
    ('saryarka',  'Сарыаркинский', 'Сарыарқа', 'Saryarka',  '1998-01-01', 4),
    ('nura',      'Нура',          'Нұра',     'Nura',      '2022-12-01', 5),
    ('saraishyk', 'Сарайшык',      'Сарайшық', 'Saraishyk', '2024-08-27', 6)
) as d (slug, name_ru, name_kk, name_en, valid_from, position)
where c.slug = 'astana';

insert into housing_classes (code, name_ru, name_kk, name_en, position) values
    ('comfort',  'Комфорт', 'Жайлы',   'Comfort',  1),
    ('business', 'Бизнес',  'Бизнес',  'Business', 2),
    ('premium',  'Премиум', 'Премиум', 'Premium',  3);

insert into housing_types (code, slug, name_ru, name_kk, name_en, has_rooms, position) values
    ('apartment', 'kvartira', 'Квартира',    'Пәтер',      'Apartment', true,  1),
    ('house',     'dom',      'Частный дом', 'Жеке үй',    'House',     true,  2),
    ('cottage',   'kottedzh', 'Коттедж',     'Коттедж',    'Cottage',   true,  3),
    ('room',      'komnata',  'Комната',     'Бөлме',      'Room',      false, 4),
    ('hostel',    'hostel',   'Хостел',      'Хостел',     'Hostel',    false, 5);

insert into amenities (code, name_ru, name_kk, name_en, position) values
    ('wifi',            'Wi‑Fi',                 'Wi‑Fi',                  'Wi‑Fi',            1),
    ('parking',         'Парковка',              'Көлік тұрағы',           'Parking',          2),
    ('kitchen',         'Кухня',                 'Ас үй',                  'Kitchen',          3),
    ('washing_machine', 'Стиральная машина',     'Кір жуғыш машина',       'Washing machine',  4),
    ('air_conditioning','Кондиционер',           'Кондиционер',            'Air conditioning', 5),
    ('tv',              'Телевизор',             'Теледидар',              'TV',               6),
    ('elevator',        'Лифт',                  'Лифт',                   'Elevator',         7),
    ('balcony',         'Балкон',                'Балкон',                 'Balcony',          8),
    ('workspace',       'Рабочее место',         'Жұмыс орны',             'Workspace',        9),
    ('pets_allowed',    'Можно с животными',     'Жануарлармен болады',    'Pets allowed',     10),
    ('kids_friendly',   'Подходит для детей',    'Балаларға қолайлы',      'Kids friendly',    11),
    ('self_check_in',   'Самостоятельное заселение', 'Өз бетімен кіру',    'Self check-in',    12),
    ('iron',            'Утюг',                  'Үтік',                   'Iron',             13),
    ('hair_dryer',      'Фен',                   'Шаш кептіргіш',          'Hair dryer',       14),
    ('dishwasher',      'Посудомоечная машина',  'Ыдыс жуғыш машина',      'Dishwasher',       15),
    ('sauna',           'Сауна',                 'Сауна',                  'Sauna',            16);
