"""Name pools for synthetic speakers: which countries each pool serves, and its given and family
names. Fictional people are composed from these; no combination is meant to be a real person."""

from dataclasses import dataclass
from functools import cache

import pycountry


@dataclass(frozen=True)
class Pool:
    countries: tuple[str, ...]
    male: tuple[str, ...]
    female: tuple[str, ...]
    family: tuple[str, ...]


def _pool(countries: str, male: str, female: str, family: str) -> Pool:
    return Pool(*(tuple(words.split()) for words in (countries, male, female, family)))


POOLS = {
    "english": _pool(
        "US GB IE CA AU NZ JM TT BS BB BZ GY AG DM GD KN LC VC",
        "James John Robert Michael David William Richard Thomas Daniel Andrew Mark Paul Steven",
        "Mary Patricia Jennifer Linda Elizabeth Susan Sarah Karen Emily Rachel Claire Fiona Anne",
        "Smith Johnson Williams Brown Jones Miller Davis Wilson Taylor Anderson Thompson White "
        "Harris Clarke Walker Hughes Whitcombe Fletcher Gallagher Murphy Kelly Campbell Stewart",
    ),
    "french": _pool(
        "FR BE LU MC CH HT",
        "Jean Pierre Michel François Philippe Nicolas Laurent Olivier Étienne Mathieu Benoît",
        "Marie Nathalie Isabelle Sylvie Catherine Hélène Élise Camille Sophie Aurélie Céline",
        "Martin Bernard Dubois Durand Lefebvre Moreau Laurent Fournier Girard Bonnet Dupont "
        "Lambert Fontaine Rousseau Vincent Mercier Chevalier Lemaire Giraud Faure",
    ),
    "spanish": _pool(
        "ES MX AR CO PE VE CL EC GT CU BO DO HN PY SV NI CR PA UY AD GQ",
        "José Juan Carlos Luis Javier Miguel Alejandro Diego Andrés Fernando Jorge Ricardo",
        "María Carmen Ana Lucía Isabel Gabriela Valentina Daniela Sofía Paula Verónica Elena",
        "García Rodríguez Martínez López González Hernández Pérez Sánchez Ramírez Torres "
        "Flores Rivera Gómez Díaz Morales Ortiz Castillo Vargas Romero Herrera Medina Aguilar",
    ),
    "portuguese": _pool(
        "PT BR AO MZ CV GW ST TL",
        "João António Paulo Pedro Rui Tiago Rodrigo Luís Marcelo Sérgio Eduardo Henrique",
        "Ana Beatriz Mariana Helena Fernanda Juliana Luísa Renata Adriana Cláudia Teresa",
        "Silva Santos Oliveira Souza Pereira Costa Ferreira Almeida Carvalho Gomes Ribeiro "
        "Duarte Moreira Nunes Barbosa Teixeira Mendes Correia Cardoso Rocha",
    ),
    "germanic": _pool(
        "DE AT LI NL SE NO DK FI IS",
        "Hans Klaus Jürgen Stefan Matthias Lars Henrik Jan Pieter Anders Mikael Sven Jens",
        "Anna Katrin Ursula Petra Sabine Ingrid Astrid Annika Sanne Femke Liesbeth Maja Kirsten",
        "Müller Schmidt Schneider Fischer Weber Becker Hoffmann Richter Wagner Lindqvist "
        "Johansson Nilsen Hansen Jansen Visser Bakker Virtanen Korhonen Lindell Berg",
    ),
    "italian": _pool(
        "IT SM VA MT",
        "Giuseppe Giovanni Antonio Marco Luca Francesco Alessandro Matteo Paolo Stefano",
        "Giulia Francesca Chiara Federica Alessandra Silvia Valentina Elena Paola Laura",
        "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo "
        "Conti Costa Giordano Mancini Rizzo Lombardi Moretti Barbieri",
    ),
    "east_slavic": _pool(
        "RU UA BY",
        "Sergey Alexei Dmitry Nikolai Andrei Mikhail Oleksandr Vladimir Yuri Igor Pavel Maxim",
        "Olga Tatiana Natalia Irina Svetlana Yelena Maria Anastasia Yulia Oksana Ekaterina",
        "Ivanov Petrov Smirnov Kuznetsov Popov Sokolov Lebedev Kozlov Novikov Morozov Volkov "
        "Sorokin Melnyk Shevchenko Kovalenko Bondarenko Tkachenko Lukashenko Zakharov Orlov",
    ),
    "west_slavic": _pool(
        "PL CZ SK SI HR RS BA ME MK BG",
        "Piotr Tomasz Krzysztof Marek Jakub Petr Tomáš Milan Dragan Goran Ivan Zoran Boris",
        "Katarzyna Agnieszka Magdalena Eva Jana Lucie Ivana Jelena Marija Milena Vesna Zuzana",
        "Nowak Kowalski Wiśniewski Wójcik Kamiński Novák Svoboda Dvořák Horvat Kovačević "
        "Petrović Jovanović Nikolić Marković Babić Georgiev Dimitrov Popovski Kralj Novotný",
    ),
    "baltic_danube": _pool(
        "LT LV EE HU RO MD AL GR CY",
        "Gintaras Andris Tõnu László Gábor Zoltán Andrei Mihai Ion Edi Nikos Giorgos Kostas",
        "Rasa Ilze Kadri Katalin Zsófia Ioana Elena Andreea Mirela Eleni Katerina Dimitra",
        "Kazlauskas Bērziņš Tamm Nagy Kovács Tóth Szabó Popescu Ionescu Dumitru Rusu Hoxha "
        "Papadopoulos Georgiou Nikolaidis Karamanlis Oancea Varga Ozoliņš Saar",
    ),
    "turkic_caucasus": _pool(
        "TR AZ KZ UZ TM KG TJ GE AM MN",
        "Mehmet Mustafa Ahmet Emre Murat Elnur Nursultan Timur Rustam Giorgi Armen Bat-Erdene",
        "Ayşe Fatma Elif Zeynep Leyla Aigerim Dilnoza Gulnara Nino Tamar Anahit Oyuungerel",
        "Yılmaz Kaya Demir Şahin Çelik Aydın Aliyev Mammadov Nazarbayev Tokayev Karimov "
        "Rahmonov Beridze Kapanadze Sargsyan Grigoryan Petrosyan Battulga Öztürk Arslan",
    ),
    "arabic": _pool(
        "SA AE QA KW BH OM YE IQ SY JO LB PS EG LY TN DZ MA SD MR",
        "Mohammed Ahmed Ali Omar Khalid Youssef Hassan Ibrahim Mahmoud Abdullah Tariq Faisal",
        "Fatima Aisha Layla Mariam Noura Huda Rania Salma Yasmin Amal Hanan Dalia Samira",
        "Al-Sayed Haddad Khoury Mansour Nasser Saleh Hamdan Qasim Aziz Bakr Farouk Habib "
        "Ibrahim Jaber Karim Darwish Hariri Shukri Rahman El-Amin Benali",
    ),
    "persian": _pool(
        "IR AF",
        "Hossein Mohammad Reza Ali Javad Hamid Abbas Mehdi Ashraf Ahmad Karim Farhad",
        "Maryam Zahra Fatemeh Shirin Niloufar Parisa Roya Mariam Fawzia Habiba Soraya",
        "Hosseini Rezaei Mohammadi Ahmadi Karimi Moradi Jafari Rahimi Ghani Karzai Popal "
        "Safavi Tehrani Abdollahian Araghchi Nasseri Sadeghi Amiri Baradar Hakimi",
    ),
    "south_asian": _pool(
        "IN PK BD LK NP BT MV",
        "Rahul Arvind Vikram Sanjay Rajesh Anil Imran Shahid Asif Nawaz Ranil Prakash Tenzin",
        "Priya Sunita Anjali Kavita Meera Nirmala Sushma Nasreen Hina Ayesha Chandrika Sita",
        "Sharma Patel Singh Kumar Gupta Iyer Kesavan Jaishankar Khan Qureshi Bhutto Chaudhry "
        "Rahman Hossain Perera Fernando Wickremesinghe Thapa Dorji Koirala Mehta Reddy",
    ),
    "chinese": _pool(
        "CN TW SG",
        "Wei Jun Hao Lei Qiang Jian Ming Yong Tao Zhiwei Lian Kang Bo",
        "Li Fang Jing Ying Hua Mei Xiu Yan Lin Hong Yuxin Qian Xiaoling",
        "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Lin He Gao "
        "Luo Zheng Tan Lim Lee Ng",
    ),
    "japanese_korean": _pool(
        "JP KR KP",
        "Hiroshi Takeshi Kenji Yoshihide Taro Fumio Min-jun Ji-hoon Seung-ho Dong-hyun Jae-in",
        "Yoko Akiko Keiko Yumiko Haruka Tomoko Ji-yeon Seo-yeon Min-ji Hye-jin Kyung-wha",
        "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Motegi "
        "Kim Park Choi Jung Kang Cho Yoon Jang Lim Han Moon",
    ),
    "southeast_asian": _pool(
        "VN TH MY ID PH MM KH LA BN",
        "Nguyen Van Minh Somchai Anwar Joko Rodrigo Ferdinand Hun Thein Sokha Bounmy Retno",
        "Thi Linh Siriporn Siti Dewi Maria Imelda Aung Sochua Ngoc Malee Nurul Teodora",
        "Nguyen Tran Le Pham Hoang Chaiyasit Wongsuwan Ibrahim Abdullah Widodo Marsudi "
        "Santos Reyes Cruz Manalo Soe Win Sen Sopheak Phommavong Bolkiah Tan",
    ),
    "west_african": _pool(
        "NG GH SN CI ML BF NE GN SL LR TG BJ GM CM TD CF GA CG CD",
        "Chukwuemeka Oluwaseun Kwame Kofi Moussa Amadou Ibrahima Ousmane Mamadou Yaw Emeka",
        "Ngozi Adaeze Amina Aminata Fatou Abena Akosua Mariama Awa Kadiatou Folake Chiamaka",
        "Okonkwo Adeyemi Obi Mensah Boateng Diallo Traoré Ouattara Keita Sow Ndiaye Diop "
        "Coulibaly Touré Bamba Tshisekedi Mbeki Eze Nwosu Kaboré Sall Camara",
    ),
    "east_african": _pool(
        "KE TZ UG RW BI ET ER SO DJ SS ZA ZW ZM MW BW NA LS SZ MG MU SC KM",
        "Jomo Uhuru William Yoweri Paul Abiy Isaias Hassan Cyril Emmerson Hakainde Mokgweetsi",
        "Wanjiru Amina Samia Winnie Naledi Thandiwe Lindiwe Chipo Grace Joyce Tsitsi Nomvula",
        "Kenyatta Odinga Ruto Museveni Kagame Ndayishimiye Ahmed Mohamud Kiir Ramaphosa "
        "Pandor Mnangagwa Chamisa Hichilema Chakwera Masisi Geingob Rajoelina Mwangi Otieno "
        "Kamau Njoroge Dlamini Nkosi Banda Phiri",
    ),
    "pacific": _pool(
        "FJ PG WS TO VU SB KI TV NR PW FM MH",
        "Sitiveni Frank Tuilaepa Pohiva Charlot Manasseh Taneti Kausea Lionel Surangel David",
        "Fiame Naomi Losana Salote Alisi Mere Litia Ana Tupou Seini Ruby Hilda",
        "Rabuka Bainimarama Marape Mata'afa Tu'ivakano Salwai Sogavare Maamau Natano Aingimea "
        "Whipps Panuelo Kabua Tupou Vaea Naupoto Kumar Tuilagi Sopoaga Tabai",
    ),
    "hebrew": _pool(
        "IL",
        "David Yosef Moshe Avi Yair Benny Naftali Eli Gideon Amir Itamar Yoav",
        "Sarah Rivka Tamar Noa Yael Michal Ayelet Orit Shira Tzipi Miri Hila",
        "Cohen Levi Mizrahi Peretz Biton Friedman Katz Shapiro Ben-David Goldberg Sharon "
        "Lapid Gantz Herzog Eshkol Navon Barak Amsalem Dahan Azoulay",
    ),
}

# Common respellings in transliterated and re-typed news copy.
RESPELLINGS = (
    ("ey", "ei"),
    ("ei", "ey"),
    ("ksand", "xand"),
    ("xand", "ksand"),
    ("y", "i"),
    ("ph", "f"),
    ("Moh", "Muh"),
    ("mm", "m"),
    ("ou", "u"),
    ("ch", "tch"),
    ("ii", "iy"),
    ("ov", "off"),
    ("é", "e"),
    ("á", "a"),
    ("í", "i"),
    ("ó", "o"),
    ("ñ", "n"),
    ("ü", "ue"),
    ("ö", "oe"),
    ("ç", "c"),
    ("š", "s"),
    ("č", "c"),
    ("ć", "c"),
    ("ł", "l"),
    ("ş", "s"),
    ("ı", "i"),
    ("Al-", "al-"),
    ("El-", "el-"),
    ("-", " "),
)

ROLES = (
    ("Foreign Minister", 12),
    ("Deputy Foreign Minister", 5),
    ("Prime Minister", 3),
    ("President", 2),
    ("Defence Minister", 4),
    ("Trade Minister", 3),
    ("Energy Minister", 2),
    ("Ambassador to the United Nations", 4),
    ("Ambassador", 8),
    ("Special Envoy", 4),
    ("foreign ministry spokesperson", 8),
    ("government spokesperson", 4),
    ("National Security Adviser", 2),
    ("opposition leader", 3),
    ("Finance Minister", 3),
    ("Interior Minister", 2),
    ("chief negotiator", 3),
    ("Senator", 3),
    ("Member of Parliament", 3),
)

# Country names as news copy writes them, where the ISO short name reads otherwise.
COUNTRY_NAMES = {
    "US": "the United States",
    "GB": "Britain",
    "RU": "Russia",
    "NL": "the Netherlands",
    "PH": "the Philippines",
    "CD": "the Democratic Republic of Congo",
    "CG": "the Republic of Congo",
    "PS": "Palestine",
    "VA": "the Holy See",
    "CF": "the Central African Republic",
    "AE": "the United Arab Emirates",
    "DO": "the Dominican Republic",
    "BS": "the Bahamas",
    "GM": "the Gambia",
    "FM": "Micronesia",
    "MH": "the Marshall Islands",
    "CI": "Côte d'Ivoire",
    "SB": "the Solomon Islands",
    "CZ": "the Czech Republic",
    "KM": "the Comoros",
    "SY": "Syria",
    "TR": "Turkey",
    "BN": "Brunei",
    "SZ": "Eswatini",
}


@cache
def country_name(code: str) -> str:
    """The country as news copy names it: 'Russia', 'the Netherlands', 'Bolivia'."""
    if code in COUNTRY_NAMES:
        return COUNTRY_NAMES[code]
    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or country.name.split(",")[0]
