// Word lists for finding names in Chinese text: common surnames, the titles around a name
// («国家主席习近平», «王毅外长»), the words that may follow a name (verbs of saying,
// prepositions), and the characters Chinese uses to spell foreign names («普京», «埃尔多安»).

/** Common one-character surnames (Chinese, and Korean as Chinese writes them). */
export const SURNAMES: ReadonlySet<string> = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤习温常康文朴栗俞蔺'
])

/** Two-character surnames («欧阳»). */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set(['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '令狐', '慕容', '南宫'])

/** Titles written before a name, longest first so «外交部长» wins over «部长». */
export const TITLES_BEFORE: readonly string[] = [
  '外交部发言人', '国务院总理', '国家副主席', '国家主席', '外交部长', '国防部长', '国务委员', '副总理', '副主席', '总书记',
  '委员长', '秘书长', '国务卿', '发言人', '董事长', '司令员', '主席', '总统', '总理', '外长', '部长', '大使', '首相', '国王',
  '议长', '特使', '主任', '书记', '省长', '市长', '局长', '教授', '记者', '总裁', '院长', '女王', '王储', '亲王'
]

/** Titles and forms of address written after a name («习近平主席», «王先生»). */
export const TITLES_AFTER: readonly string[] = ['总书记', '委员长', '秘书长', '主席', '总统', '总理', '外长', '部长', '大使', '首相', '先生', '女士', '同志', '议长']

/** Words that may follow a name: verbs of saying and meeting, prepositions, particles. */
export const AFTER_NAME: readonly string[] = [
  '表示', '指出', '强调', '介绍', '宣布', '回答', '认为', '会见', '会晤', '致电', '出席', '主持', '发表', '举行', '通话', '致辞',
  '今天', '当天', '日前', '近日', '说', '称', '在', '与', '和', '同', '向', '对', '于', '的', '等', '就', '将', '也', '是',
  '还', '并', '已', '应', '为', '以', '率', '、', '访', '抵', '则', '曾', '又', '都', '指', '参加', '抵达', '访问', '签署', '接受',
  '回应', '提出', '听取', '考察', '视察', '讲话', '透露', '告诉', '呼吁', '希望', '谈到', '证实', '否认', '批评', '祝贺', '随后'
]

/** Verbs of saying or meeting a name may stand before on its own («王毅表示»). */
export const SPEECH: readonly string[] = ['表示', '指出', '强调', '说', '称', '介绍', '宣布', '认为', '会见', '会晤', '致电']

/** Characters that never end a given name: particles, prepositions, verbs of saying, «方» and «国» as in «韩方», «韩国». */
export const NOT_GIVEN: ReadonlySet<string> = new Set([...'的地得了着过们也都就还又再很最更不没已将会能要可被把是在与和同向对于等说称指为以及或而但率访抵则曾应并方国军府部界人官局院会党省市县区州'])

/** Characters Chinese spells foreign names with. */
export const TRANSLITERATION: ReadonlySet<string> = new Set([
  ...'阿埃艾爱安奥巴拜班邦贝本比登彼毕波伯博布查达戴丹德迪蒂丁东杜多厄恩尔法菲费芬丰佛夫弗福盖冈戈格古哈海汉豪赫亨胡华霍基吉加贾杰捷金卡凯坎康柯科克肯库拉莱兰朗劳勒雷里理利莉列林琳留卢鲁路伦罗洛马玛迈麦曼梅门蒙米明莫姆穆纳娜南内尼涅纽努诺欧帕潘佩彭皮普齐奇乔琼丘萨塞桑瑟沙莎尚舍申什施史斯松苏索塔泰坦汤唐特提图托瓦万威韦维温沃乌伍西希锡谢辛休雅亚扬耶伊因英尤约泽扎詹兹茨京龙宁连森妮琪丝黛娅薇芙露珊赛昆哲舒赞祖卓柏鲍宾'
])

/** Organisations reports name often. */
export const ORGS: readonly string[] = [
  '新华社', '外交部', '国务院', '联合国', '北约', '欧盟', '塔斯社', '韩联社', '路透社', '法新社', '美联社', '阿纳多卢通讯社',
  '中共中央', '全国人大', '世界卫生组织', '上海合作组织', '东盟', '白宫', '克里姆林宫', '五角大楼', '国防部', '商务部',
  '安理会', '国际货币基金组织', '世界银行', '中国人民银行'
]
