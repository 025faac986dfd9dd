/**
 * Telling a person's name in context. A name is two to four Han characters starting with a surname; alone that
 * is most two-character words, so a name is found only where the text says one is there: after a label
 * (姓名：…, 申请人…, 联系人…), in the 姓名 column of a list, or beside an identity or phone number on the same
 * line of a list. Already de-identified names (张某, 李某某, 王*) are not names.
 */

/** Common single-character surnames (the ~400 most frequent cover well over 95% of the population). */
const SURNAMES = new Set(
  [
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
    '常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由',
  ].join(''),
);

const COMPOUND_SURNAMES = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '令狐', '宇文', '司徒', '夏侯',
  '轩辕', '端木', '独孤', '南宫', '西门', '百里', '呼延', '澹台', '公冶', '太史', '申屠', '钟离', '闻人', '赫连',
]; // prettier-ignore

/** Words of two to four characters that start with a surname character but are not names. */
const NOT_NAMES = new Set([
  ...'本人 单位 名称 姓名 签字 签名 盖章 信息 情况 材料 应当 可以 须知 对象 性别 民族 学历 学位 年龄 出生 籍贯 住址 电话 手机 备注 序号 合格 通过 拟聘 拟录 汉族 回族 满族 壮族 苗族 本科 硕士 博士 大专 中专 高中 初中 已婚 未婚 党员 群众 团员 全日制 无 不详 同上 其他 另附 见附件 附件 未填 待定 空缺 申请 提交 提出 办理 公示 公告 决定 处罚 依法 相关 有关 上述 以下 如下 之一 本单位 本机关 合计 小计 总计 金额 元 万元 户数 人数 家庭 成员 子女 父亲 母亲 配偶 法人 个人 企业 公司 负责 联系 单位名称 项目 名单 金融 银行 发放 标准 类别 类型 等级 补贴 补助 救助 低保 特困 优抚 残疾 政府 政务 管理 服务 中心 机关 部门 街道 社区 村委会 居委会 委员会 同志 先生 女士 某某 甲 乙 丙'.split(
    ' ',
  ),
]);

/** Characters that end a place or body rather than a name. */
const PLACE_SUFFIX =
  /(?:省|市|区|县|镇|乡|村|街道|路|街|局|委|办|院|所|站|中心|公司|厂|店|社区|组|号|室|队|部|处|科|厅|会|校|园|行|馆|场)$/;

/** The surname part of a candidate, or null. */
export function surnameOf(name: string): string | null {
  for (const compound of COMPOUND_SURNAMES) if (name.startsWith(compound)) return compound;
  const first = name[0];
  return first !== undefined && SURNAMES.has(first) ? first : null;
}

/** True for two to four Han characters (a · for minority names allowed) that read as a person's name. */
export function looksLikeName(candidate: string): boolean {
  if (!/^[\u4e00-\u9fa5][\u4e00-\u9fa5·]{1,5}$/.test(candidate)) return false;
  if ([...candidate].length > 4 && !candidate.includes('·')) return false;
  if (/[某×*]/.test(candidate) || NOT_NAMES.has(candidate) || PLACE_SUFFIX.test(candidate)) return false;
  return surnameOf(candidate) !== null;
}
